"""Name a known mistake only when it explains everything (NumPy, on the variants' outputs).

A hypothesis gives outputs for every problem ({problem: {"loss", "grads", "scores",
"loss_grads"}}). It explains the evidence when, on every problem, each part the code got wrong
is reproduced and each part it got right agrees, by the check's own measure and tolerance,
and it differs from the truth where the code does. Hypotheses: the catalogue's variants
(``mistakes.catalogue``), tried in order, and float32 arithmetic, judged by the size of its
rounding on every problem; then the pool beyond the catalogue (mistakes with a fitted factor,
other formulas for the forward pass and the data loss, other regularisers, backward passes with
one change), named only when the hypotheses that explain everything are all one cause.
"""

import functools

import numpy as np

from reference.checker import backward, families, gradient_slips, mistakes, regularisers
from reference.checker.causes import Named

F32_BAND = (0.01, 10.0)  # a float32 net's error is this many times float32's own, on every problem
F32_FLOOR = 16 * float(np.finfo(np.float32).eps)  # ... or at most this (relative): a few float32 ulps


def agrees(part, value):
    """The code's output is ``value`` by the check's own measure and tolerance, or to that tolerance
    relative to the true quantity's largest entry (an entry that is ~0 in both carries rounding
    that is small only relative to the true one); where both hold NaNs, on the entries finite in
    both."""
    if part.error(part.got, value) <= part.tol:
        return True
    got, value, want = (np.asarray(x, dtype=np.float64) for x in (part.got, value, part.want))
    if got.shape != value.shape:
        return False
    if np.isnan(value).any() and np.isnan(got).any():  # past a NaN upstream, which entries it reaches
        both = np.isfinite(got) & np.isfinite(value)  # depends on how the mask is coded (x * 0 is NaN)
        return float(np.max(np.abs(got - value)[both], initial=0)) <= part.tol * float(
            np.max(np.abs(want), initial=0))
    if not (np.isfinite(got).all() and np.isfinite(value).all()):
        return False
    return float(np.max(np.abs(got - value), initial=0)) <= part.tol * float(np.max(np.abs(want), initial=0))


def explains(parts, outputs, failing=None):
    """The hypothesis reproduces every part (failing or passing) and differs where the code fails.
    ``failing``: the failing parts, if known (the failing ones are tried first: most hypotheses
    miss one of them)."""
    failing = [p for p in parts if p.failed] if failing is None else failing
    failed = {id(p) for p in failing}
    passing = [p for p in parts if id(p) not in failed]
    return bool(failing) and all(agrees(p, p.pick(outputs)) for p in failing + passing) and all(
        not p.error(p.pick(outputs), p.want) <= p.tol for p in failing)


def float32_explains(parts_by_problem, f32):
    """Float32 rounding of the true net accounts for every output: each error at most
    F32_BAND[1] x float32's own (or within tolerance, or a few float32 ulps), and on every problem at least F32_BAND[0]
    x float32's own (a float64 computation is not off by rounding on a single problem).
    Numeric gradients are left out: rounding divided by the step swamps them."""
    ran = {name: [p for p in parts if not p.key.startswith("numeric")] for name, parts in parts_by_problem.items()}
    if not any(p.failed for parts in ran.values() for p in parts):
        return False
    for parts in filter(None, ran.values()):
        own = [p.error(p.pick(f32), p.want) for p in parts]
        got = [p.measured for p in parts]
        if any(g > max(F32_BAND[1] * o, p.tol, F32_FLOOR) for g, o, p in zip(got, own, parts)):
            return False
        if max(got) < F32_BAND[0] * max(own):
            return False
    return True


def pool(parts_by_problem, truths, args):
    """[(Named, outputs)] beyond the catalogue: the fitted families, the formulas of the forward
    pass and the data loss, the regularisers, the backward passes with one change."""
    inputs = tuple((name, mistakes.key(*a)) for name, a in args.items())
    return families.hypotheses(parts_by_problem, truths, args, (gradient_slips.hypotheses,)) + fixed_pool(inputs)


@functools.lru_cache(maxsize=8)
def fixed_pool(inputs):
    """The hypotheses beyond the catalogue that depend on the problems alone, not on the code's
    outputs, once per set of inputs ((problem, ``mistakes.key``) pairs): every file shares them."""
    from reference.checker import hypotheses  # JAX, compiled only when the catalogue explains nothing
    args = {name: mistakes.unkey(key) for name, key in inputs}
    truths = {name: mistakes.truth(*a) for name, a in args.items()}
    return [*hypotheses.hypotheses(args, truths), *regularisers.hypotheses(args, truths),
            *backward.hypotheses(args, truths)]


def name_cause(parts_by_problem, truths, args):
    """The ``causes.Named`` of the first catalogued variant that explains every problem; else of
    the one cause beyond the catalogue that does (None when none does, or two different ones do)."""
    parts = [p for ps in parts_by_problem.values() for p in ps]
    failing = [p for p in parts if p.failed]
    if not failing:
        return None
    ran = {name: a for name, a in args.items() if parts_by_problem.get(name)}
    variants = {name: mistakes.catalogue(*a) for name, a in ran.items()}
    for m in mistakes.CATALOGUE:
        outputs = {name: v[m.id] for name, v in variants.items()}
        if m.id == "float32":
            if float32_explains(parts_by_problem, outputs):
                return Named(m.id)
        elif explains(parts, outputs, failing):
            return Named(m.id)
    found = [named for named, outputs in pool(parts_by_problem, {n: truths[n] for n in ran}, ran)
             if explains(parts, outputs, failing)]
    return found[0] if len({named.cause for named in found}) == 1 else None
