"""Name the likely cause of a mismatch, or locate it (NumPy).

A check compares *parts* (the loss, each parameter's gradient, the scores) of what the
student's code returned with what it should have. A known mistake explains the failure when
the mistake's own outputs, computed on the same inputs (``mistakes.catalogue``), match what
the student returned on the failing parts and agree with it on the others. When no mistake
does, the mismatch is still located: which part, the worst entries, and any pattern (a
constant factor, a flipped sign, NaNs).
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np

from reference.checker.mistakes import BY_ID, CATALOGUE

F32_TOL = 1e-5  # errors of float32 rounding: ~1e-7 relative per operation, summed


def _finite_mask_error(got, want):
    """0 where both are non-finite, inf where only one is, None if both are all finite."""
    bad_g, bad_w = ~np.isfinite(got), ~np.isfinite(want)
    if not (bad_g.any() or bad_w.any()):
        return None
    return np.where(bad_g & bad_w, 0.0, np.where(bad_g | bad_w, np.inf, 0.0))


def _errors(got, want, scale):
    """Elementwise |got - want| / scale, treating NaN/inf in both as equal; inf if shapes differ."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    if got.shape != want.shape:
        return np.array([np.inf])
    err = np.abs(got - want) / scale(got, want)
    special = _finite_mask_error(got, want)
    if special is not None:
        err = np.where(np.isfinite(got) & np.isfinite(want), err, special)
    return np.atleast_1d(err)


def rel_error(got, want):
    """The notebook's max elementwise |x - y| / max(1e-8, |x| + |y|)."""
    return float(np.max(_errors(got, want, lambda g, w: np.maximum(1e-8, np.abs(g) + np.abs(w)))))


def scaled_error(got, want):
    """max |got - want| / max(1, max |want|): errors relative to the array's (or loss's) size."""
    def scale(g, w):
        finite = w[np.isfinite(w)]
        return max(1.0, float(np.max(np.abs(finite)))) if finite.size else 1.0
    return float(np.max(_errors(got, want, scale)))


def scaled_error_small(got, want):
    """max |got - want| / max |want| (floor 1e-8), for arrays whose entries are all small."""
    def scale(g, w):
        finite = w[np.isfinite(w)]
        return max(1e-8, float(np.max(np.abs(finite)))) if finite.size else 1.0
    return float(np.max(_errors(got, want, scale)))


def sum_abs(got, want):
    """The notebook's scores measure: sum |got - want|."""
    return float(np.sum(_errors(got, want, lambda g, w: 1.0)))


@dataclass
class Part:
    """One compared quantity: ``error(got, want) <= tol`` passes; ``pick`` reads the same
    quantity from a variant's outputs ({"loss", "grads", "scores"})."""
    label: str
    got: object
    want: object
    error: Callable
    tol: float
    pick: Callable = None

    @property
    def measured(self):
        return self.error(self.got, self.want)

    @property
    def failed(self):
        return not self.measured <= self.tol


def _matches(mistake_id, part, value):
    """The student's part equals the mistake's, and the mistake's differs from the truth."""
    if mistake_id == "float32":  # rounding cannot be reproduced bit for bit: judge its size,
        # against float32's own error here (which grows with the magnitudes, e.g. scores ~5e3)
        bound = max(F32_TOL, 10 * scaled_error_small(value, part.want))
        return part.failed and scaled_error_small(part.got, part.want) <= bound
    return part.error(part.got, value) <= part.tol and not part.error(value, part.want) <= part.tol


def _agrees(mistake_id, part, value):
    return mistake_id == "float32" or part.error(part.got, value) <= part.tol


def explain(parts, outputs, ids=None):
    """(cause ids, text) for the failing parts, from the mistakes' outputs {id: outputs}."""
    failing = [p for p in parts if p.failed]
    ids = [m.id for m in CATALOGUE if m.id in outputs] if ids is None else ids
    for mid in ids:
        values = {p.label: p.pick(outputs[mid]) for p in parts}
        if all(_matches(mid, p, values[p.label]) for p in failing) and all(
                _agrees(mid, p, values[p.label]) for p in parts if not p.failed):
            return [mid], cause_text(mid, failing)
    causes, lines = [], []
    for p in failing:
        mid = next((m for m in ids if _matches(m, p, p.pick(outputs[m]))), None)
        if mid:
            causes.append(mid)
            lines.append(cause_text(mid, [p]))
        else:
            lines.append(locate(p))
    return list(dict.fromkeys(causes)), "\n".join(lines)


def cause_text(mistake_id, failing):
    m = BY_ID[mistake_id]
    what = _and([f"{p.label} (error {_fmt(p.measured)})" for p in failing])
    return f"{what}: this matches {m.title}. Fix: {m.fix}. [cause: {m.id}]"


def _and(items):
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _fmt(x):
    return f"{x:.2g}" if isinstance(x, float) else str(x)


def locate(part, worst=3):
    """Where and how a part differs, when no known mistake explains it."""
    got = np.asarray(part.got, dtype=np.float64)
    want = np.asarray(part.want, dtype=np.float64)
    head = f"{part.label} differs ({_fmt(part.measured)}, tolerance {_fmt(part.tol)}); no known mistake matches"
    if got.shape != want.shape:
        return f"{head}: shape {got.shape}, expected {want.shape}."
    if got.ndim == 0:
        return f"{head}: got {got:.12g}, expected {want:.12g}."
    notes = []
    if not np.isfinite(got).all():
        notes.append(f"{int(np.sum(~np.isfinite(got)))} entries are NaN or inf")
    diff = np.where(np.isfinite(got), np.abs(got - want), np.inf)
    off = diff > 1e-9 * max(1.0, float(np.max(np.abs(want))))
    notes.append(f"{int(off.sum())} of {off.size} entries off")
    k = _constant_factor(got, want)
    if k is not None:
        notes.append("the sign is flipped" if abs(k + 1) < 1e-6 else f"off by a constant factor {k:.6g}")
    order = np.argsort(-diff, axis=None)[:worst]
    entries = [f"{tuple(int(i) for i in np.unravel_index(j, got.shape))}: expected {want.flat[j]:.6g}, got {got.flat[j]:.6g}"
               for j in order if off.flat[j]]
    return f"{head}: {'; '.join(notes)}. Worst: {'; '.join(entries)}."


def _constant_factor(got, want):
    """k if got == k * want for a constant k != 1 (to 1e-6), else None."""
    if not (np.isfinite(got).all() and np.any(want)):
        return None
    k = float(np.dot(got.ravel(), want.ravel()) / np.dot(want.ravel(), want.ravel()))
    if abs(k - 1) > 1e-6 and np.max(np.abs(got - k * want)) <= 1e-6 * np.max(np.abs(got)):
        return k
    return None
