"""The notebook's backward pass by hand (NumPy), and backward passes with one change in it, as
hypotheses: what a student's gradients would be, on every problem, had they made that change.

The forward pass is the notebook's, so only the gradients change; each hypothesis is the truth's
outputs with other gradients. Shapes: X (N, D), z1 and h1 (N, H), probs and dscores (N, C).
"""

import numpy as np

from reference.checker.causes import Named
from reference.checker import formulas
from reference.checker.formulas import notebook_forward, softmax

NAMES = ("W1", "b1", "W2", "b2")
# Forward passes with another hidden layer h1 (formulas.py), in words: a backward pass that recomputes
# h1 for dW2 may recompute it with one of them
OTHER_HIDDEN = {"b1_left_out": "without b1: h1 = max(0, X W1)", "no_relu": "without the ReLU: h1 = X W1 + b1",
                **{m.id: m.title for m in formulas.FORWARDS if m.id in (
                    "b1_subtracted", "b1_after_relu", "leaky_relu", "sigmoid_hidden", "tanh_hidden", "b1_in_product")}}


def one_hot(y, classes):
    """(N, classes): 1 at each row's label."""
    out = np.zeros((len(y), classes))
    out[np.arange(len(y)), y] = 1.0
    return out


def values(params, X, y):
    """The forward pass's values a backward pass reads: z1, h1, scores, probs, dscores and the true
    upstream gradients dh1 = dscores W2^T and dz1 = dh1 [z1 > 0]."""
    z1, h1, scores = notebook_forward(np, params, X)
    probs = softmax(np, scores)
    dscores = (probs - one_hot(y, probs.shape[1])) / len(y)
    dh1 = dscores @ params["W2"].T
    return {"X": X, "z1": z1, "h1": h1, "scores": scores, "probs": probs, "dscores": dscores, "dh1": dh1,
            "dz1": dh1 * (z1 > 0)}


def usual(params, X, y, reg, z1, h1, probs):
    """The notebook's backward pass from the given forward values: dscores = (probs - one_hot(y)) / N,
    masked by z1 > 0 at the ReLU, plus 2 reg W for the weights."""
    return from_dscores(params, X, reg, z1, h1, (probs - one_hot(y, probs.shape[1])) / len(y))


def from_dscores(params, X, reg, z1, h1, dscores):
    """The notebook's backward pass from the gradient of the scores, dscores (N, C)."""
    dz1 = np.where(z1 > 0, dscores @ params["W2"].T, 0.0)  # 0 where inactive, even past a NaN upstream
    return {"W1": X.T @ dz1 + 2 * reg * params["W1"], "b1": dz1.sum(axis=0),
            "W2": h1.T @ dscores + 2 * reg * params["W2"], "b2": dscores.sum(axis=0)}


def changes(v, y, params, reg):
    """{(cause, params, detail): {param: its changed gradient}} for one problem's values ``v``."""
    n, reg_w = len(y), {k: 2 * reg * params[k] for k in ("W1", "W2")}
    before = v["probs"] / n  # dscores before 1 is subtracted at the correct class
    out = {("dW2_from_hidden_gradient", ("W2",), f"{name}, {what},"): {"W2": v[name].T @ v["dscores"] + reg_w["W2"]}
           for name, what in (("dz1", "the masked upstream gradient"), ("dh1", "the upstream gradient"))}
    for k, what in OTHER_HIDDEN.items():
        h1 = formulas.EVERY_FORWARD[k](np, params, v["X"])[1]
        out[("dW2_from_other_hidden", ("W2",), what)] = {"W2": h1.T @ v["dscores"] + reg_w["W2"]}
    for ks in (("W2",), ("b2",), ("W2", "b2")):
        out[("gradient_before_subtract_one", ks, "")] = {
            k: (v["h1"].T @ before + reg_w["W2"] if k == "W2" else before.sum(axis=0)) for k in ks}
    for factor, what in ((v["h1"], "h1 itself (dz1 = dh1 * h1)"), (v["z1"], "z1 itself (dz1 = dh1 * z1)"),
                         (v["z1"] <= 0, "the inverted mask (z1 <= 0)"),
                         (v["h1"] * (1 - v["h1"]), "a sigmoid's derivative h1 (1 - h1)")):
        out[("relu_derivative_wrong", ("W1", "b1"), what)] = first_layer(v, v["dh1"] * factor, reg_w)
    for name, what in (("h1", "h1, the ReLU's output,"), ("z1", "z1, the pre-activation,")):
        for ks in (("W1",), ("b1",), ("W1", "b1")):
            out[("hidden_gradient_from_values", ks, what)] = {k: first_layer(v, v[name], reg_w)[k] for k in ks}
    kept = {"b1": v["dz1"].sum(axis=0, keepdims=True), "b2": v["dscores"].sum(axis=0, keepdims=True)}
    for ks in (("b1",), ("b2",), ("b1", "b2")):
        out[("bias_gradient_keepdims", ks, "")] = {k: kept[k] for k in ks}
    axis_1 = {"b1": v["dz1"].sum(axis=1), "b2": v["dscores"].sum(axis=1)}
    transposed = {"W1": (v["X"].T @ v["dz1"] + reg_w["W1"]).T, "W2": (v["h1"].T @ v["dscores"] + reg_w["W2"]).T}
    for cause, grads in (("bias_gradient_wrong_axis", axis_1), ("gradient_transposed", transposed)):
        for ks in (*((k,) for k in grads), tuple(grads)):  # one, or both (a layer's shared code)
            out[(cause, ks, "")] = {k: grads[k] for k in ks}
    labels = one_hot(y, v["probs"].shape[1])
    assigned = np.where(labels > 0, -1.0, v["probs"]) / n
    every_label = (v["probs"] - labels.max(axis=0)) / n  # dscores[:, y] -= 1: each row, each class among y, once
    for name, ds in (("dscores_divided_first", v["probs"] / n - labels), ("dscores_sign_flipped", -v["dscores"]),
                     ("dscores_plus_one", (v["probs"] + labels) / n), ("dscores_set_to_minus_one", assigned),
                     ("dscores_every_label", every_label), ("dscores_from_scores", (v["scores"] - labels) / n),
                     ("dscores_at_predicted", (v["probs"] - one_hot(v["scores"].argmax(axis=1), labels.shape[1])) / n)):
        out[(name, NAMES, "")] = from_dscores(params, v["X"], reg, v["z1"], v["h1"], ds)
    for row, what in ((0, "the first"), (n - 1, "the last")):  # a loop over range(1, N) or range(N - 1)
        ds = v["dscores"].copy()
        ds[row] = 0
        grads = from_dscores(params, v["X"], reg, v["z1"], v["h1"], ds)
        for ks in (NAMES, ("W1", "b1"), ("W2", "b2"), *((k,) for k in NAMES)):
            out[("gradient_example_left_out", ks, what)] = {k: grads[k] for k in ks}
    return out


def first_layer(v, dz1, reg_w):
    """W1's and b1's gradients from the hidden layer's gradient dz1."""
    return {"W1": v["X"].T @ dz1 + reg_w["W1"], "b1": dz1.sum(axis=0)}


def hypotheses(args, truths):
    """[(Named, {problem: outputs})]: the truth with one change in the backward pass."""
    per_problem = {name: changes(values(*args[name][:3]), args[name][2], args[name][0], args[name][3])
                   for name in truths}
    out = []
    for key in next(iter(per_problem.values())):
        cause, ks, detail = key
        outputs = {name: dict(t, grads={**t["grads"], **per_problem[name][key]}) for name, t in truths.items()}
        out.append((Named(cause, ks, detail=detail), outputs))
    return out

