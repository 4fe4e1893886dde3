"""The shape of a difference, found without any catalogue of mistakes (NumPy).

Given what the code returned and what it should have, say how they differ in words a student
can act on: NaNs, a constant factor or a flipped sign, an offset per row or per column, a
multiple of a known direction (reg * W, the gradient through inactive ReLU units), or the
problems on which it shows.
"""

import numpy as np

FIT_TOL = 1e-6  # relative residual under which a difference "is" a multiple of a direction


def multiple_of(diff, direction):
    """a if diff == a * direction (to FIT_TOL of the difference's size) with a != 0, else None."""
    diff, direction = np.ravel(diff), np.ravel(direction)
    if diff.shape != direction.shape or not (np.isfinite(diff).all() and np.any(direction)):
        return None
    a = float(diff @ direction / (direction @ direction))
    size = np.max(np.abs(diff))
    if size == 0 or a == 0 or np.max(np.abs(diff - a * direction)) > FIT_TOL * size:
        return None
    return a


def _num(x):
    return f"{x:.4g}"


def factor(got, want):
    """'the sign flipped' / 'a constant factor k' / None."""
    k = multiple_of(np.asarray(got, float), np.asarray(want, float))
    if k is None or abs(k - 1) < FIT_TOL:
        return None
    return "the sign flipped" if abs(k + 1) < FIT_TOL else f"a constant factor {_num(k)}"


def offsets(diff, named=None):
    """An offset that is the same along rows (per column) or along columns (per row) of a 2-D
    difference; ``named``: {name: vector} to recognise the offset as a multiple of (e.g. b2)."""
    diff = np.asarray(diff, float)
    if diff.ndim != 2 or not np.isfinite(diff).all() or not np.any(diff):
        return None
    size = np.max(np.abs(diff))
    for axis, what in ((0, "per-column (per-class)"), (1, "per-row (per-example)")):
        mean = diff.mean(axis=axis, keepdims=True)
        if diff.shape[axis] > 1 and np.max(np.abs(diff - mean)) <= FIT_TOL * size:
            vec = mean.ravel()
            if np.ptp(vec) <= FIT_TOL * size:
                return f"every entry off by the same constant {_num(float(vec[0]))}"
            for name, v in (named or {}).items() if axis == 0 else ():
                a = multiple_of(vec, v)
                if a is not None:
                    return f"a {what} offset equal to {_num(a)} x {name}"
            return f"a {what} offset [{', '.join(_num(x) for x in vec)}]"
    return None


def along(diff, directions):
    """'equal to a x <name>' for the first named direction that the difference is a multiple of."""
    for name, direction in directions.items():
        a = multiple_of(diff, direction)
        if a is not None:
            return f"the difference is {_num(a)} x {name}"
    return None


def nonfinite(got):
    bad = int(np.sum(~np.isfinite(np.asarray(got, float))))
    return f"{bad} entries are NaN or inf" if bad else None


def worst_entries(got, want, count=3):
    """'(i, j): expected a, got b; ...' for the entries furthest apart."""
    got, want = np.asarray(got, float), np.asarray(want, float)
    if got.shape != want.shape:
        return f"shape {got.shape}, expected {want.shape}"
    if got.ndim == 0:
        return f"got {float(got):.12g}, expected {float(want):.12g}"
    diff = np.where(np.isfinite(got), np.abs(got - want), np.inf)
    off = diff > 1e-9 * max(1.0, float(np.max(np.abs(want))))
    order = [j for j in np.argsort(-diff, axis=None)[:count] if off.flat[j]]
    where = [f"{tuple(int(i) for i in np.unravel_index(j, got.shape))}: expected {want.flat[j]:.6g}, "
             f"got {got.flat[j]:.6g}" for j in order]
    return f"{int(off.sum())} of {off.size} entries off; " + "; ".join(where)


def describe(got, want, directions=None, named=None):
    """The shape of got - want in a few words: the first of nonfinite, shape, factor, offsets,
    a multiple of a named direction; None if none fits."""
    got_a, want_a = np.asarray(got, float), np.asarray(want, float)
    if got_a.shape != want_a.shape:
        return f"shape {got_a.shape}, expected {want_a.shape}"
    return (nonfinite(got_a) or factor(got_a, want_a) or offsets(got_a - want_a, named)
            or along(got_a - want_a, directions or {}))


SPECIAL = {
    "large_scores": "only when the scores are large (~5000)",
    "dead_units": "only where a hidden pre-activation is exactly 0",
    "single_example": "only for a batch of one example",
    "float32_inputs": "only with float32 inputs",
    "score_shift": "only when every score is shifted by the same constant",
    "rows_apart": "only when one example's scores lie ~4000 above the others' (its label's ~49 below its best)",
    "integer_inputs": "only with integer inputs",
    "toy": "only on the notebook's toy problem",
}


LARGE = {"large_scores", "rows_apart"}  # the problems whose scores reach ~1000 and more


def where_it_shows(failed, regs):
    """Which problems show it, in words: ``failed`` problem names, ``regs`` {problem: reg}."""
    failed = list(dict.fromkeys(failed))
    if len(failed) == 1 and failed[0] in SPECIAL:
        return SPECIAL[failed[0]]
    if set(failed) == LARGE:
        return "only when the scores are large (~1000 and more)"
    if failed and all(regs[p] > 0 for p in failed) and any(regs[p] == 0 for p in regs):
        if len(failed) == sum(r > 0 for r in regs.values()):
            return "only on the problems with reg > 0 (those with reg = 0 pass)"
        return f"on {', '.join(failed)}, all with reg > 0 (those with reg = 0 pass)"
    if len(failed) == len(regs):
        return "on every problem"
    return "on " + ", ".join(failed)
