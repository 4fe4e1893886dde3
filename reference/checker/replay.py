"""The steps of a training run whose train was not seen, rebuilt from its outcome (NumPy).

A train that computes its steps inline (no call of ``self.loss``, no function of its own returning
(loss, grads)) leaves only its histories and final params. If its minibatches are np.random.choice's
after the seed and its update is ``params -= lr_t * grads`` with one rate per step, each rate is the
one whose next step's loss is the recorded one: the step is rebuilt with the true loss and gradients
on the oracle's minibatch, its rate the schedule's or the step before's where the next recorded loss
is theirs, else solved from it (the root nearest the step before's rate first, the others when that
one leads nowhere), and the last one from the final params. The rebuilt steps count only when they
meet every recorded loss and end at the run's final params; they are then judged as seen ones are.
"""

import numpy as np

from reference import TwoLayerNet
from reference.checker import problems, rates
from reference.checker.training_record import RATE_TOL

NAMES = problems.PARAM_NAMES
LOSS_TOL = 1e-10  # relative: a recorded loss is the rebuilt step's
MAX_TRIED = 64  # other rates than a step's nearest followed in all: a wrong one soon meets a loss it cannot give


def loss_and_grads(params, X, y, reg):
    return TwoLayerNet.from_params(params).loss(X, y, reg=reg)


def stepped(params, grads, rate):
    return {k: params[k] - rate * grads[k] for k in NAMES}


def line_losses(params, grads, X, y, reg, rates_):
    """The loss on (X, y) of the step params - r grads for every r in ``rates_`` (vectorised over r)."""
    r = np.asarray(rates_)[:, None, None]
    W1, W2 = params["W1"] - r * grads["W1"], params["W2"] - r * grads["W2"]
    b1, b2 = params["b1"] - r[:, 0] * grads["b1"], params["b2"] - r[:, 0] * grads["b2"]
    h1 = np.maximum(np.einsum("nd,rdh->rnh", X, W1) + b1[:, None, :], 0)
    scores = np.einsum("rnh,rhc->rnc", h1, W2) + b2[:, None, :]
    top = scores.max(axis=2, keepdims=True)
    log_z = np.log(np.exp(scores - top).sum(axis=2)) + top[..., 0]
    data = (log_z - scores[:, np.arange(len(y)), y]).mean(axis=1)
    return data + reg * ((W1 ** 2).sum(axis=(1, 2)) + (W2 ** 2).sum(axis=(1, 2)))


def line_roots(params, grads, X, y, reg, target, scale):
    """Every rate r in [-3, 3] x ``scale`` whose step params - r grads has loss ``target`` on (X, y)."""
    grid = np.linspace(-3, 3, 1201) * max(abs(scale), 1e-12)
    gap = line_losses(params, grads, X, y, reg, grid) - target
    roots = []
    for i in np.flatnonzero(np.sign(gap[:-1]) * np.sign(gap[1:]) <= 0):
        lo, hi = grid[i], grid[i + 1]
        for _ in range(9):  # the bracket 32 times narrower each round: ~1e-16 of the rate's scale
            sub = np.linspace(lo, hi, 33)
            f = line_losses(params, grads, X, y, reg, sub) - target
            k = np.flatnonzero(np.sign(f[:-1]) * np.sign(f[1:]) <= 0)
            if not len(k):
                break
            lo, hi = sub[k[0]], sub[k[0] + 1]
        if not roots or abs((lo + hi) / 2 - roots[-1]) > RATE_TOL * abs(roots[-1]):
            roots.append((lo + hi) / 2)
    return roots


def candidate_rates(t, params, grads, batches, losses, reg, previous, scheduled):
    """Step t's possible rates: the schedule's and the step before's first where the next loss
    allows them (most steps), then ``line_roots`` nearest the step before's (a schedule holds the
    rate over an epoch), computed only when those lead nowhere."""
    X, y = batches[t + 1]
    quick = list(dict.fromkeys((scheduled, previous)))
    gap = np.abs(line_losses(params, grads, X, y, reg, quick) - losses[t + 1])
    given = [r for r, g in zip(quick, gap) if g <= LOSS_TOL * max(1.0, abs(losses[t + 1]))]
    yield from given
    for root in sorted(line_roots(params, grads, X, y, reg, losses[t + 1], previous), key=lambda r: abs(r - previous)):
        if all(abs(root - r) > RATE_TOL * abs(r) for r in given):
            yield root


def replayed_steps(obs, prob, batches):
    """[{"X", "y", "reg", "loss", "params", "grads", "rate"}] of the main run rebuilt from its outcome
    (as ``training_record.recorded_steps``) on the oracle's minibatches [(X, y)], or None when no such
    run of plain steps explains it. Where a step's loss allows more than one rate, the first that
    ``candidate_rates`` gives is followed and the others are tried when it leads nowhere (at most
    MAX_TRIED others in all)."""
    kw, reg = prob.kwargs, prob.kwargs["reg"]
    losses, final = obs.get("trace/loss_history"), obs.params("trace/final")
    if losses is None or len(losses) != len(batches) or len(final) < 4 or not np.isfinite(losses).all():
        return None
    boundaries = problems.epoch_boundaries(len(prob.X), kw["batch_size"], kw["num_iters"])
    right = rates.schedules(kw["learning_rate"], kw["learning_rate_decay"], boundaries, len(batches))[0]
    tried = 0

    def steps_from(t, params, previous):
        nonlocal tried
        X, y = batches[t]
        loss, grads = loss_and_grads(params, X, y, reg)
        if not abs(loss - losses[t]) <= LOSS_TOL * max(1.0, abs(loss)):  # NaN too
            return None
        step = {"X": X, "y": y, "reg": reg, "loss": float(loss), "params": params, "grads": grads}
        if t + 1 == len(batches):  # the last rate from the final params
            g = np.concatenate([grads[k].ravel() for k in NAMES])
            rate = -np.dot(np.concatenate([(final[k] - params[k]).ravel() for k in NAMES]), g) / np.dot(g, g)
            rate = right[t] if abs(rate - right[t]) <= RATE_TOL * abs(right[t]) else rate
            after = stepped(params, grads, rate)
            ends = all(final[k].shape == after[k].shape and np.allclose(final[k], after[k], rtol=1e-7, atol=1e-10)
                       for k in NAMES)
            return [{**step, "rate": rate}] if ends else None
        for i, rate in enumerate(candidate_rates(t, params, grads, batches, losses, reg, previous, right[t])):
            if i and tried == MAX_TRIED:
                return None
            tried += bool(i)
            if abs(rate - right[t]) <= RATE_TOL * abs(right[t]):
                rate = right[t]  # the schedule's, up to the solver's precision (the end confirms it)
            rest = steps_from(t + 1, stepped(params, grads, rate), rate)
            if rest is not None:
                return [{**step, "rate": rate}, *rest]
        return None

    return steps_from(0, {k: np.array(prob.params[k], dtype=np.float64) for k in NAMES}, right[0])
