"""The formulas' hypotheses (``formulas.py``): what a student's outputs would be on every problem
had they written another forward pass or data loss, in each way code carries it (``causes.MODES``):

* a forward pass: in the loss and its gradient ("consistent"), in the loss with the usual backward
  pass on its values ("usual", or masked where h1 > 0 or where the notebook's X W1 + b1 > 0, or the
  notebook's backward on its probabilities),
  only in the scores ``loss(X)`` returns ("scores_only"), or only on the loss's path (the
  returned scores right), with either backward pass;
* returned scores that are something else (the probabilities, ...): "scores_only";
* a data loss: in the loss and its gradient, in the loss only ("loss_only"), or with the usual
  backward pass from its probabilities (the same as "loss_only" where they are the softmax's).

The value and gradient of each formula's loss (plus the notebook's reg term) come from one JAX
program (compiled once per batch size, run once per problem and cached); the rest is NumPy.
"""

import functools

import jax
import jax.numpy as jnp
import numpy as np

from reference.checker import backward, formulas, mistakes
from reference.checker.causes import Named


def l2(xp, params):
    """sum(W1**2) + sum(W2**2)."""
    return xp.sum(params["W1"] ** 2) + xp.sum(params["W2"] ** 2)


def total_loss(forward, data_loss):
    """loss(params, X, y, reg) of a forward pass and a data loss, with the notebook's reg term."""
    def loss(params, X, y, reg):
        """The formula's data loss plus reg * l2."""
        return data_loss(jnp, forward(jnp, params, X)[2], y)[0] + reg * l2(jnp, params)
    return loss


LOSSES = {**{k: total_loss(f, formulas.cross_entropy) for k, f in formulas.EVERY_FORWARD.items()},
          **{m.id: total_loss(formulas.notebook_forward, m.fn) for m in formulas.DATA_LOSSES}}


@functools.partial(jax.jit, compiler_options=mistakes.FAST_COMPILE)
def _values_and_grads(params, X, y, reg):
    return {k: jax.value_and_grad(f)(params, X, y, reg) for k, f in LOSSES.items()}


@functools.lru_cache(maxsize=128)
def values_and_grads(inputs):
    """{formula id: (loss, grads)} at the inputs of a cache key (``mistakes.key``)."""
    params, X, y, reg = mistakes.unkey(inputs)
    out = jax.tree.map(np.asarray, _values_and_grads(params, X, y, np.float64(reg)))
    return {k: (float(value), grads) for k, (value, grads) in out.items()}


def forward_modes(args, truth, values):
    """{(id, mode): outputs} of the forward passes on one problem."""
    params, X, y, reg = args
    notebook_z1, notebook_h1, _ = formulas.notebook_forward(np, params, X)
    out = {}
    for k, forward in formulas.EVERY_FORWARD.items():
        z1, h1, scores = forward(np, params, X)
        loss, grads = values[k]
        own = {"loss": loss, "grads": grads, "scores": scores, "loss_grads": grads}
        probs = formulas.softmax(np, scores)
        for mode, mask, hidden in (("usual", z1, h1), ("usual_h1_mask", h1, h1),  # the mask's and dW2's inputs
                                   ("usual_notebook_mask", notebook_z1, h1),
                                   ("usual_notebook_hidden", notebook_z1, notebook_h1)):
            out[(k, mode)] = dict(own, grads=backward.usual(params, X, y, reg, mask, hidden, probs))
        out.update({(k, "consistent"): own, (k, "scores_only"): dict(truth, scores=scores),
                    (k, "loss_path"): dict(own, scores=truth["scores"]),
                    (k, "loss_path_usual"): dict(out[(k, "usual")], scores=truth["scores"])})
    for m in formulas.RETURNED:
        out[(m.id, "scores_only")] = dict(truth, scores=m.fn(np, params, X)[2])
    return out


def data_loss_modes(args, truth, values):
    """{(id, mode): outputs} of the data losses on one problem."""
    params, X, y, reg = args
    z1, h1, scores = formulas.notebook_forward(np, params, X)
    out = {}
    for m in formulas.DATA_LOSSES:
        loss, grads = values[m.id]
        own = dict(truth, loss=loss, grads=grads, loss_grads=grads)
        usual = backward.usual(params, X, y, reg, z1, h1, m.fn(np, scores, y)[1])
        out.update({(m.id, "consistent"): own, (m.id, "loss_only"): dict(own, grads=truth["grads"]),
                    (m.id, "usual"): dict(own, grads=usual)})  # the same as loss_only if its probs are softmax's
    return out


def hypotheses(args, truths):
    """[(Named, {problem: outputs})] of every formula in every mode."""
    per_problem = {}
    with np.errstate(all="ignore"):
        for name, a in args.items():
            values = values_and_grads(mistakes.key(*a))
            per_problem[name] = {**forward_modes(a, truths[name], values), **data_loss_modes(a, truths[name], values)}
    return [(Named(k, mode=mode), {name: per_problem[name][(k, mode)] for name in per_problem})
            for k, mode in next(iter(per_problem.values())) if mode not in OTHER_BACKWARDS or any(
                not same_grads(p[(k, mode)], p[(k, "usual")]) for p in per_problem.values())]


# The usual backward pass masked on another input than the forward's own z1, or the notebook's
# backward (its z1 and h1) on the forward's probabilities: kept only where it gives other gradients
# than "usual" on some problem (for most forward passes it is the same).
OTHER_BACKWARDS = ("usual_h1_mask", "usual_notebook_mask", "usual_notebook_hidden")


def same_grads(a, b):
    """Two outputs' gradients are equal, entry for entry."""
    return all(np.array_equal(a["grads"][k], b["grads"][k], equal_nan=True) for k in a["grads"])
