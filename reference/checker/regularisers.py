"""Regularisers a student plausibly writes instead of reg * (sum(W1**2) + sum(W2**2)), as
hypotheses (NumPy): another penalty on one weight or both, another strength than reg, or one
weight's squares not multiplied by reg (reg * sum(W1**2) + sum(W2**2)), in the loss and its
gradient, or in the loss only (the gradient keeps 2 * reg * W).

Each is the truth's data part (``evidence.split_truth``) plus the other reg term, so it is
judged on every problem with reg > 0 at once (those with reg = 0 are the truth's).
"""

import numpy as np

from reference.checker import evidence
from reference.checker.causes import Named

NAMES = ("W1", "b1", "W2", "b2")

# penalty id -> (the penalty of one weight W, its gradient)
PENALTIES = {
    "reg_l1": (lambda W: np.sum(np.abs(W)), np.sign),
    "reg_mean": (lambda W: np.mean(W ** 2), lambda W: 2 * W / W.size),
    "reg_norm": (lambda W: np.sqrt(np.sum(W ** 2)), lambda W: W / np.sqrt(np.sum(W ** 2))),
    "reg_linear": (np.sum, np.ones_like),
    "reg_square_of_sum": (lambda W: np.sum(W) ** 2, lambda W: 2 * np.sum(W) * np.ones_like(W)),
}
SQUARES = (lambda W: np.sum(W ** 2), lambda W: 2 * W)
# strength id -> the strength a student used, from reg and the batch size N
STRENGTHS = {"reg_squared": lambda reg, n: reg ** 2, "reg_over_n": lambda reg, n: reg / n,
             "reg_times_n": lambda reg, n: reg * n}
REG, ONE = (lambda reg, n: reg), (lambda reg, n: 1.0)


def reg_outputs(truth, args, penalties, with_grads):
    """The outputs of a loss whose reg term is the sum over the weights of strength * penalty
    ({weight: (penalty, gradient, strength(reg, N))}), its gradient the penalty's own or, if not
    ``with_grads``, the notebook's 2 reg W."""
    params, X, y, reg = args
    data_loss, data_grads, true_reg = evidence.split_truth(args, truth)
    s = {k: strength(reg, len(y)) for k, (_, _, strength) in penalties.items()}
    own = {k: data_grads[k] + (s[k] * penalties[k][1](params[k]) if k in penalties else 0) for k in NAMES}
    grads = own if with_grads else {k: data_grads[k] + true_reg[k] for k in NAMES}
    loss = data_loss + sum(s[k] * f(params[k]) for k, (f, _, _) in penalties.items())
    return dict(truth, loss=loss, grads=grads, loss_grads=own)


def options():
    """[(cause, weights concerned, penalties)]: every penalty on W1, W2 or both (the other keeping
    reg times its squares), every other strength of both, one weight's squares not times reg, and
    the biases' squares too."""
    squares = lambda strength: (*SQUARES, strength)  # noqa: E731
    out = [(pid, ks, {k: (*PENALTIES[pid], REG) if k in ks else squares(REG) for k in ("W1", "W2")})
           for pid in PENALTIES for ks in (("W1",), ("W2",), ("W1", "W2"))]
    out += [(sid, (), {k: squares(f) for k in ("W1", "W2")}) for sid, f in STRENGTHS.items()]
    out += [("reg_not_multiplied", (k,), {w: squares(ONE if w == k else REG) for w in ("W1", "W2")})
            for k in ("W1", "W2")]
    out += [("bias_regularised", (), {k: squares(REG) for k in NAMES})]  # the catalogue's, in the loss only too
    return out


def hypotheses(args, truths):
    """[(Named, {problem: outputs})]: each of ``options()`` in the loss and its gradient, or in the loss only."""
    out = []
    for cause, ks, penalties in options():
        for mode, with_grads in (("consistent", True), ("loss_only", False)):
            outputs = {n: reg_outputs(truths[n], args[n], penalties, with_grads) for n in truths}
            out.append((Named(cause, ks, mode=mode), outputs))
    return out
