"""Gradients with one slip in how a term is built, as hypotheses with a fitted factor (NumPy):

* one example's term alone (the first or the last: a loop over the examples that assigns where it
  should add, ``db1 = dpre`` for ``db1 += dpre``), a times it, or a N times it (not averaged), with
  or without the reg term added after the loop;
* the reg gradient taken from the gradient instead of the weight (``dW1 += 2 * reg * dW1``): the
  data part, or the whole gradient, (1 + c reg) times;
* the gradient clipped: rescaled to a norm c wherever its norm is larger (each gradient alone, or
  the failing ones by their joint norm), c read off the problem where the true norm is largest.

Each is built from the truth's data and reg parts (``evidence.split_truth``) and judged like any
other hypothesis (``explain.explains``); its factor is fitted by least squares over every problem.
"""

import itertools

import numpy as np

from reference.checker import backward
from reference.checker.causes import Named
from reference.checker.families import ZERO, fit, got, subsets

WHICH = (("the first example's", 0), ("the last example's", -1))


def terms(args):
    """{param: (N, *shape) array}: each example's term of the mean data gradient on one problem."""
    v = backward.values(*args[:3])
    return {"W1": np.einsum("nd,nh->ndh", v["X"], v["dz1"]), "b1": v["dz1"],
            "W2": np.einsum("nh,nc->nhc", v["h1"], v["dscores"]), "b2": v["dscores"]}


def shaped(parts_by_problem, ks, b):
    """(param, problem, what the code returned) for each of ``ks`` where it has the param's shape."""
    return [(k, n, g) for k in ks for n, g in got(parts_by_problem, f"grads/{k}").items()
            if np.shape(g) == np.shape(b.truths[n]["grads"][k])]


def one_example(b, parts_by_problem, failing):
    """The failing gradients (each alone, or together) from one example's term, a N^p times it."""
    per_problem = {n: terms(b.args[n]) for n in b.truths}
    for ks in subsets(failing):
        for (which, i), power in ((w, p) for w in WHICH for p in (0, 1)):
            term = {n: {k: b.n(n) ** power * per_problem[n][k][i] for k in ks} for n in b.truths}
            for with_reg in ((False, True) if any(k.startswith("W") for k in ks) else (False,)):
                reg = {n: {k: b.split[n][2][k] if with_reg else 0.0 for k in ks} for n in b.truths}
                a = fit([(g - reg[n][k], term[n][k]) for k, n, g in shaped(parts_by_problem, ks, b)])
                if a is None or abs(a) < ZERO:
                    continue
                detail = which + (" term times N (not averaged)" if power else " term") + (
                    ", plus the reg term" if with_reg else "")
                b.add(Named("gradient_one_example", ks, None if abs(a - 1) < 1e-6 else a, detail),
                      lambda o, n, ks=ks, a=a, t=term, r=reg: o["grads"].update({k: a * t[n][k] + r[n][k] for k in ks}))


def reg_from_gradient(b, parts_by_problem, failing):
    """The failing gradients' reg term c reg times the gradient itself: (1 + c reg) times the data part
    (no reg W), or the whole true gradient."""
    for ks in subsets(failing):
        for whole in ((False, True) if any(k.startswith("W") for k in ks) else (False,)):
            base = {n: {k: b.truths[n]["grads"][k] if whole else b.split[n][1][k] for k in ks} for n in b.truths}
            c = fit([(g - base[n][k], b.args[n][3] * base[n][k]) for k, n, g in shaped(parts_by_problem, ks, b)
                     if b.args[n][3] > 0])
            if c is None or abs(c) < ZERO:
                continue
            detail = "the whole gradient (2 * reg * W included)" if whole else "the data gradient"
            b.add(Named("reg_gradient_from_gradient", ks, c, detail),
                  lambda o, n, ks=ks, c=c, base=base: o["grads"].update(
                      {k: (1 + c * b.args[n][3]) * base[n][k] for k in ks}))


def norm_clipped(b, parts_by_problem, failing):
    """The failing gradients rescaled to norm c where their (joint) norm is larger than c."""
    for ks in subsets(failing):
        returned = {}
        for k, n, g in shaped(parts_by_problem, ks, b):
            returned.setdefault(n, {})[k] = g
        norms = {n: float(np.sqrt(sum(np.sum(b.truths[n]["grads"][k] ** 2) for k in ks))) for n in b.truths}
        seen = [n for n in returned if len(returned[n]) == len(ks)]
        if not seen:
            continue
        largest = max(seen, key=norms.get)
        with np.errstate(invalid="ignore", over="ignore"):
            c = float(np.sqrt(sum(np.sum(np.asarray(g, np.float64) ** 2) for g in returned[largest].values())))
        if not (np.isfinite(c) and ZERO < c < norms[largest] * (1 - 1e-9)):
            continue
        b.add(Named("gradient_norm_clipped", ks, None, f"{c:.6g}"),
              lambda o, n, ks=ks, c=c: o["grads"].update(
                  {k: b.truths[n]["grads"][k] * min(1.0, c / norms[n]) for k in ks}))


def other_keys(b, parts_by_problem, failing):
    """The failing gradients returned under each other's keys: the true gradients permuted among them
    (grads built by zipping params' keys with a fixed order of gradients, say)."""
    names = backward.NAMES
    for order in itertools.permutations(names):
        moved = tuple(k for k, j in zip(names, order) if k != j)
        if moved and set(moved) == set(failing):
            detail = ", ".join(f"grads['{k}'] holds {j}'s" for k, j in zip(names, order) if k != j)
            b.add(Named("grads_under_other_keys", moved, None, detail),
                  lambda o, n, order=order: o["grads"].update(
                      {k: b.truths[n]["grads"][j] for k, j in zip(names, order)}))


def hypotheses(b, parts_by_problem, failing):
    """Add every slip's hypotheses to the builder ``b`` (``families.Builder``)."""
    one_example(b, parts_by_problem, failing)
    reg_from_gradient(b, parts_by_problem, failing)
    norm_clipped(b, parts_by_problem, failing)
    other_keys(b, parts_by_problem, failing)
