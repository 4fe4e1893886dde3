"""Mistakes with one number in them, fitted by least squares over every problem, as hypotheses
(NumPy): a gradient a constant multiple of the true one, or its data part N (or 1/N) times it; a
weight's reg gradient c reg W, c reg W / N, c reg sign(W), or missing; a reg gradient on a bias;
the reg strength or the data loss a multiple of the true one (the data loss possibly by N or by
the number of classes); one weight regularised; the data loss with a constant guarding its log
(-log(p + eps) or -log(max(p, eps)), eps solved on one problem). Each is built from the truth's data and reg parts
(``evidence.split_truth``) and then judged like any other hypothesis (``explain.explains``).
"""

import itertools

import numpy as np

from reference.checker import backward, evidence
from reference.checker.causes import Named
from reference.checker.evidence import NAMES

ZERO = 1e-9  # a fitted factor this small is no term at all


def fit(pairs):
    """Least-squares a in got ~ a * direction over (got, direction) pairs; None if degenerate."""
    pairs = [(g, d) for g, d in pairs if np.shape(g) == np.shape(d)]
    with np.errstate(invalid="ignore", over="ignore"):  # a NaN or inf output makes no fit (below)
        num = sum(float(np.ravel(g) @ np.ravel(d)) for g, d in pairs)
        den = sum(float(np.ravel(d) @ np.ravel(d)) for g, d in pairs)
    return num / den if den > 0 and np.isfinite(num) else None


def got(parts_by_problem, key):
    """{problem: what the code returned for ``key``} over the problems it ran."""
    return {name: p.got for name, parts in parts_by_problem.items() for p in parts if p.key == key}


def subsets(ks):
    """Each one of ``ks`` alone, then all of them together (if more than one)."""
    ks = list(ks)
    return [(k,) for k in ks] + ([tuple(ks)] if len(ks) > 1 else [])


class Builder:
    """Hypotheses as changes to the truth on every problem."""

    def __init__(self, truths, args):
        self.truths, self.args, self.out = truths, args, []
        self.split = {n: evidence.split_truth(args[n], truths[n]) for n in truths}

    def add(self, named, change):
        """``change(outputs, problem)`` edits a copy of the truth's outputs of that problem."""
        outputs = {}
        for n, t in self.truths.items():
            outputs[n] = dict(t, grads=dict(t["grads"]), loss_grads=dict(t["loss_grads"]))
            change(outputs[n], n)
        self.out.append((named, outputs))

    def n(self, name):
        """The batch size N of a problem."""
        return len(self.args[name][2])


def gradient_factors(b, parts_by_problem, failing):
    """A gradient a times the true one; the data part of the failing gradients N (or 1/N) times."""
    for k in failing:
        a = fit([(g, b.truths[n]["grads"][k]) for n, g in got(parts_by_problem, f"grads/{k}").items()])
        if a is not None and abs(a - 1) > 1e-6:
            b.add(Named("gradient_scaled", (k,), a), lambda o, n, k=k, a=a: o["grads"].update(
                {k: a * b.truths[n]["grads"][k]}))
    if len(failing) > 1:  # the data part of every failing gradient a times the true one (dscores scaled)
        a = fit([(g - b.split[n][2][k], b.split[n][1][k]) for k in failing
                 for n, g in got(parts_by_problem, f"grads/{k}").items() if np.shape(g) == np.shape(b.split[n][1][k])])
        if a is not None and abs(a - 1) > 1e-6 and abs(a + 1) > 1e-6:  # -1 is dscores' sign (backward.py)
            b.add(Named("data_gradient_scaled", tuple(failing), a), lambda o, n, a=a: o["grads"].update(
                {k: a * b.split[n][1][k] + b.split[n][2][k] for k in failing}))
    for cause, power in (("gradient_not_averaged", 1), ("gradient_averaged_twice", -1)):
        if failing:
            b.add(Named(cause, tuple(failing)), lambda o, n, p=power: o["grads"].update(
                {k: b.n(n) ** p * b.split[n][1][k] + b.split[n][2][k] for k in failing}))


def reg_gradient_terms(b, parts_by_problem, failing):
    """A reg gradient c reg W (c != 2), c reg W / N, c reg W N, c reg sign(W), missing, or c reg b on a bias."""
    weights = [k for k in failing if k.startswith("W")]
    terms = [("reg_gradient_scaled", 0, lambda W: W), ("reg_gradient_over_n", -1, lambda W: W),
             ("reg_gradient_times_n", 1, lambda W: W), ("reg_gradient_sign", 0, np.sign)]
    groups = [(ks, terms) for ks in subsets(weights)]
    groups += [(ks, [("bias_reg_gradient", 0, lambda W: W)]) for ks in subsets(k for k in failing if k.startswith("b"))]
    for ks, options in groups:
        for cause, power, form in options:
            direction = {n: {k: b.args[n][3] * b.n(n) ** power * form(b.args[n][0][k]) for k in ks} for n in b.truths}
            c = fit([(g - b.split[n][1][k], direction[n][k]) for k in ks
                     for n, g in got(parts_by_problem, f"grads/{k}").items()
                     if b.args[n][3] > 0 and np.shape(g) == np.shape(direction[n][k])])
            if c is None or (cause == "reg_gradient_scaled" and abs(c - 2) < 1e-6):
                continue
            if abs(c) < ZERO:  # no reg gradient at all, whichever form was fitted
                cause, c = ("reg_gradient_missing" if ks[0].startswith("W") else None), 0.0
            if cause is not None and (cause, ks) not in {(x.cause, x.params) for x, _ in b.out}:
                shown = None if c == 0 or (power and abs(c - 2) < 1e-6) else c
                b.add(Named(cause, ks, shown), lambda o, n, ks=ks, c=c, d=direction: o["grads"].update(
                    {k: b.split[n][1][k] + c * d[n][k] for k in ks}))


def scale_reg(o, n, b, c, with_grads):
    """The reg term c times the true one, with its gradient or in the loss only."""
    params, _, _, reg = b.args[n]
    o["loss"] = b.split[n][0] + c * reg * evidence.reg_term(params)
    o["loss_grads"] = {k: b.split[n][1][k] + c * b.split[n][2][k] for k in NAMES}
    if with_grads:
        o["grads"] = dict(o["loss_grads"])


def fixed_reg(o, n, b, c):
    """The reg term at strength c whatever reg is, with its gradient 2 c W."""
    params = b.args[n][0]
    o["loss"] = b.split[n][0] + c * evidence.reg_term(params)
    o["loss_grads"] = {k: b.split[n][1][k] + (2 * c * params[k] if k in ("W1", "W2") else 0) for k in NAMES}
    o["grads"] = dict(o["loss_grads"])


def one_weight(o, n, b, k, with_grads):
    """Only weight k in the reg term, with its gradient or in the loss only."""
    params, _, _, reg = b.args[n]
    o["loss"] = b.split[n][0] + reg * float(np.sum(params[k] ** 2))
    o["loss_grads"] = {name: b.split[n][1][name] + (b.split[n][2][name] if name == k else 0) for name in NAMES}
    if with_grads:
        o["grads"] = dict(o["loss_grads"])


def scale_data(o, n, b, d, basis, with_grads):
    """The data loss d basis(b, n) times the mean, with its gradient or in the loss only."""
    f = d * basis(b, n)
    o["loss"] = f * b.split[n][0] + b.args[n][3] * evidence.reg_term(b.args[n][0])
    o["loss_grads"] = {k: f * b.split[n][1][k] + b.split[n][2][k] for k in NAMES}
    if with_grads:
        o["grads"] = dict(o["loss_grads"])


MODES = (("consistent", True), ("loss_only", False))


def loss_factors(b, parts_by_problem):
    """The reg term or the data loss a multiple of the true one; the reg term at a fixed strength; one
    weight regularised."""
    losses = got(parts_by_problem, "loss")
    c = fit([(losses[n] - b.split[n][0], b.args[n][3] * evidence.reg_term(b.args[n][0])) for n in losses])
    c = 0.0 if c is not None and abs(c) < ZERO else c  # a term left out fits as a rounding error's multiple
    if c is not None and abs(c - 1) > 1e-6:
        b.add(Named("reg_scaled", (), c), lambda o, n: scale_reg(o, n, b, c, True))
        b.add(Named("reg_scaled_in_loss", (), c), lambda o, n: scale_reg(o, n, b, c, False))
    fixed = fit([(losses[n] - b.split[n][0], evidence.reg_term(b.args[n][0])) for n in losses])
    if fixed is not None and fixed > ZERO:
        b.add(Named("reg_fixed", (), detail=f"{fixed:.4g}"), lambda o, n: fixed_reg(o, n, b, fixed))
    for k, (mode, with_grads) in itertools.product(("W1", "W2"), MODES):
        b.add(Named("reg_one_weight", (k,), mode=mode), lambda o, n, k=k, w=with_grads: one_weight(o, n, b, k, w))
    classes = len(next(iter(b.truths.values()))["grads"]["b2"])
    for basis, expected, ids in data_scales(classes):
        d = fit([(losses[n] - b.args[n][3] * evidence.reg_term(b.args[n][0]), basis(b, n) * b.split[n][0])
                 for n in losses])
        if d is None or (abs(d - 1) < 1e-6 if expected is None else abs(d - expected) > 1e-6 * expected):
            continue  # the truth itself, or not the factor this mistake has
        for (mode, with_grads), cause in zip(MODES, ids):
            named = Named(cause, (), d) if expected is None else Named(cause, (), mode=mode)
            b.add(named, lambda o, n, w=with_grads, f=basis, d=d: scale_data(o, n, b, d, f, w))


def log_epsilon(b, parts_by_problem):
    """The data loss -log(p + eps), or -log(max(p, eps)), at the correct class's probability p, with its
    own gradient or the true one; eps solved on the problem whose loss differs most. Where the two
    forms give the same losses on every problem, one hypothesis says both."""
    losses = {n: v for n, v in got(parts_by_problem, "loss").items() if np.isfinite(v)}
    gaps = {n: abs(losses[n] - b.truths[n]["loss"]) for n in losses}
    if not gaps or max(gaps.values()) == 0:
        return
    first = max(gaps, key=gaps.get)
    values = {n: backward.values(*b.args[n][:3]) for n in b.truths}
    picked = {n: v["probs"][np.arange(b.n(n)), b.args[n][2]] for n, v in values.items()}
    forms = {}
    for form, words, slope in ((np.add, "-log(p + {})", lambda p, e: p / (p + e)),
                               (np.maximum, "-log(max(p, {}))", lambda p, e: (p > e).astype(float))):
        with np.errstate(divide="ignore"):
            eps = solve_decreasing(lambda e: -np.mean(np.log(form(picked[first], e))),
                                   losses[first] - b.args[first][3] * evidence.reg_term(b.args[first][0]))
            if eps is not None:
                data = [-np.mean(np.log(form(picked[n], eps))) for n in b.truths]
                forms[words.format(f"{eps:.3g}")] = (form, slope, eps, np.array(data))
    if len(forms) == 2 and np.allclose(*(f[3] for f in forms.values()), rtol=1e-9, atol=0):
        forms = {" or ".join(forms) + " (no problem tells them apart)": next(iter(forms.values()))}
    for detail, (form, slope, eps, _) in forms.items():
        for mode, with_grads in MODES:
            b.add(Named("loss_log_epsilon", (), None, detail, mode),
                  lambda o, n, f=form, s=slope, e=eps, w=with_grads: guarded_log(o, n, b, values[n], picked[n], f,
                                                                                  s, e, w))


def guarded_log(o, n, b, v, p, form, slope, eps, with_grads):
    """The data loss -log(form(p, eps)), with its own gradient (dscores scaled per row by ``slope``)
    or the true one."""
    params, X, y, reg = b.args[n]
    with np.errstate(divide="ignore"):
        o["loss"] = float(-np.mean(np.log(form(p, eps)))) + reg * evidence.reg_term(params)
    dscores = v["dscores"] * slope(p, eps)[:, None]
    o["loss_grads"] = backward.from_dscores(params, X, reg, v["z1"], v["h1"], dscores)
    if with_grads:
        o["grads"] = dict(o["loss_grads"])


def solve_decreasing(f, target, lo=-300.0, hi=0.0):
    """e in [10**lo, 10**hi] with f(e) = target for a decreasing f (bisection on log10 e), or None."""
    if not (np.isfinite(target) and f(10.0 ** hi) <= target <= f(10.0 ** lo)):
        return None
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(10.0 ** mid) > target else (lo, mid)
    return 10.0 ** ((lo + hi) / 2)


def data_scales(classes):
    """(the mean's multiple on a problem, basis(b, name); the factor it is times, or None for any; the
    cause ids in and beside the gradient): the data loss a times the mean; divided by N twice; the sum
    divided by the classes C, or by the inputs D, not by N."""
    return ((lambda b, n: 1.0, None, ("data_loss_scaled", "data_loss_scaled_in_loss")),
            (lambda b, n: 1.0 / b.n(n), 1.0, ("data_loss_averaged_twice",) * 2),
            (lambda b, n: b.n(n), 1.0 / classes, ("data_loss_over_classes",) * 2),
            (lambda b, n: b.n(n) / b.args[n][1].shape[1], 1.0, ("data_loss_over_inputs",) * 2))


def hypotheses(parts_by_problem, truths, args, more=()):
    """[(Named, {problem: outputs})] of every fitted family, and of each of ``more`` (functions of the
    builder, the evidence and the failing gradients, as ``gradient_slips.hypotheses``)."""
    b = Builder(truths, args)
    failing = sorted({p.param for parts in parts_by_problem.values() for p in parts
                      if p.failed and p.key.startswith("grads/")}, key=NAMES.index)
    gradient_factors(b, parts_by_problem, failing)
    reg_gradient_terms(b, parts_by_problem, failing)
    loss_factors(b, parts_by_problem)
    log_epsilon(b, parts_by_problem)
    for family in more:
        family(b, parts_by_problem, failing)
    return b.out
