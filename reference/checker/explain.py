"""Name a known mistake only when it explains everything (NumPy, on the variants' outputs).

A hypothesis gives outputs for every problem ({problem: {"loss", "grads", "scores",
"loss_grads"}}). It explains the evidence when, on every problem, each part the code got wrong
is reproduced and each part it got right agrees, by the check's own measure and tolerance,
and it differs from the truth where the code does. Hypotheses: the catalogue's variants
(``mistakes.catalogue``), mistakes with one fitted factor (``causes.FAMILIES``, built from the
truth), and float32 arithmetic, judged by the size of its rounding on every problem.
"""

import numpy as np

from reference.checker import evidence, mistakes
from reference.checker.evidence import NAMES

F32_BAND = (0.01, 10.0)  # a float32 net's error is this many times float32's own, on every problem


def explains(parts, outputs):
    """The hypothesis reproduces every part (failing or passing) and differs where the code fails."""
    failing = [p for p in parts if p.failed]
    return bool(failing) and all(p.error(p.got, p.pick(outputs)) <= p.tol for p in parts) and all(
        not p.error(p.pick(outputs), p.want) <= p.tol for p in failing)


def float32_explains(parts_by_problem, f32):
    """Float32 rounding of the true net accounts for every output: each error at most
    F32_BAND[1] x float32's own (or within tolerance), and on every problem at least F32_BAND[0]
    x float32's own (a float64 computation is not off by rounding on a single problem).
    Numeric gradients are left out: rounding divided by the step swamps them."""
    ran = {name: [p for p in parts if not p.key.startswith("numeric")] for name, parts in parts_by_problem.items()}
    if not any(p.failed for parts in ran.values() for p in parts):
        return False
    for parts in filter(None, ran.values()):
        own = [p.error(p.pick(f32), p.want) for p in parts]
        got = [p.measured for p in parts]
        if any(g > max(F32_BAND[1] * o, p.tol) for g, o, p in zip(got, own, parts)):
            return False
        if max(got) < F32_BAND[0] * max(own):
            return False
    return True


def _fit(pairs):
    """Least-squares a in got ~ a * direction over (got, direction) pairs; None if degenerate."""
    num = sum(float(np.ravel(g) @ np.ravel(d)) for g, d in pairs if np.shape(g) == np.shape(d))
    den = sum(float(np.ravel(d) @ np.ravel(d)) for g, d in pairs if np.shape(g) == np.shape(d))
    return num / den if den > 0 and np.isfinite(num) else None


def _copy(out):
    return {"loss": out["loss"], "scores": out["scores"], "grads": dict(out["grads"]),
            "loss_grads": dict(out["loss_grads"])}


def _got(parts_by_problem, key):
    return {name: p.got for name, parts in parts_by_problem.items() for p in parts if p.key == key}


def families(parts_by_problem, truths, args):
    """{(cause id, params, factor): outputs} for the fitted mistakes of ``causes.FAMILIES``."""
    split = {name: evidence.split_truth(args[name], truths[name]) for name in truths}
    failing = sorted({p.param for parts in parts_by_problem.values() for p in parts
                      if p.failed and p.key.startswith("grads/")}, key=NAMES.index)
    out = {}

    def build(cause, ks, a, change):
        outputs = {name: _copy(truths[name]) for name in truths}
        for name in outputs:
            change(outputs[name], name)
        out[(cause, tuple(ks), a)] = outputs

    for k in failing:  # one gradient off by a constant factor, or not divided by N
        a = _fit([(g, truths[n]["grads"][k]) for n, g in _got(parts_by_problem, f"grads/{k}").items()])
        if a is not None:
            build("gradient_scaled", [k], a, lambda o, n, k=k, a=a: o["grads"].update({k: a * truths[n]["grads"][k]}))
    for cause, power in (("gradient_not_averaged", 1), ("gradient_averaged_twice", -1)):
        if failing:  # the data part times N (or over N), the reg part as it is
            build(cause, failing, None, lambda o, n, p=power: o["grads"].update(
                {k: len(args[n][2]) ** p * split[n][1][k] + split[n][2][k] for k in failing}))
    for k in [k for k in failing if k.startswith("W")]:  # one weight's reg gradient c * reg * W
        pairs = [(g - split[n][1][k], args[n][3] * args[n][0][k]) for n, g in _got(parts_by_problem, f"grads/{k}").items()
                 if args[n][3] > 0 and np.shape(g) == np.shape(args[n][0][k])]
        c = _fit(pairs)
        if c is not None:
            build("reg_gradient_scaled", [k], c, lambda o, n, k=k, c=c: o["grads"].update(
                {k: split[n][1][k] + c * args[n][3] * args[n][0][k]}))
    losses = _got(parts_by_problem, "loss")
    c = _fit([(losses[n] - split[n][0], args[n][3] * evidence.reg_term(args[n][0])) for n in losses])
    if c is not None:  # the reg term c * reg * sum(W**2): in the loss only, or with its gradient
        for cause, with_grads in (("reg_scaled", True), ("reg_scaled_in_loss", False)):
            build(cause, [], c, lambda o, n, w=with_grads: _scale_reg(o, n, c, args, split, w))
    for k in ("W1", "W2"):  # one weight regularised, in the loss and its gradient
        build("reg_one_weight", [k], None, lambda o, n, k=k: _one_weight(o, n, k, args, split))
    d = _fit([(losses[n] - args[n][3] * evidence.reg_term(args[n][0]), split[n][0]) for n in losses])
    if d is not None:  # the data loss d times the mean, with its gradient or alone
        for cause, with_grads in (("data_loss_scaled", True), ("data_loss_scaled_in_loss", False)):
            build(cause, [], d, lambda o, n, w=with_grads: _scale_data(o, n, d, args, split, w))
    return out


def _one_weight(o, n, k, args, split):
    params, _, _, reg = args[n]
    o["loss"] = split[n][0] + reg * float(np.sum(params[k] ** 2))
    o["grads"] = {name: split[n][1][name] + (split[n][2][name] if name == k else 0) for name in NAMES}
    o["loss_grads"] = dict(o["grads"])


def _scale_data(o, n, d, args, split, with_grads):
    o["loss"] = d * split[n][0] + args[n][3] * evidence.reg_term(args[n][0])
    o["loss_grads"] = {k: d * split[n][1][k] + split[n][2][k] for k in NAMES}
    if with_grads:
        o["grads"] = dict(o["loss_grads"])


def _scale_reg(o, n, c, args, split, with_grads):
    params, _, _, reg = args[n]
    o["loss"] = split[n][0] + c * reg * evidence.reg_term(params)
    grads = {k: split[n][1][k] + c * split[n][2][k] for k in NAMES}
    o["loss_grads"] = grads
    if with_grads:
        o["grads"] = dict(grads)


def name_cause(parts_by_problem, truths, args):
    """(cause id, params, factor) of the first hypothesis that explains every problem, or None."""
    parts = [p for ps in parts_by_problem.values() for p in ps]
    if not any(p.failed for p in parts):
        return None
    variants = {name: mistakes.catalogue(*args[name]) for name in parts_by_problem if parts_by_problem[name]}
    for m in mistakes.CATALOGUE:
        outputs = {name: v[m.id] for name, v in variants.items()}
        if m.id == "float32":
            if float32_explains(parts_by_problem, outputs):
                return m.id, (), None
        elif explains(parts, outputs):
            return m.id, (), None
    for (cause, ks, a), outputs in families(parts_by_problem, truths, args).items():
        if (a is None or abs(a - _usual(cause)) > 1e-6) and explains(parts, outputs):
            return cause, ks, a
    return None


def _usual(cause):
    """The factor that would make a family's variant the truth."""
    return 2.0 if cause == "reg_gradient_scaled" else 1.0
