"""Judge a recorded training run step by step (NumPy): what ``train`` did, from the record.

The child wrapped ``loss`` and recorded, at every SGD step t, the minibatch (X_t, y_t) and the
reg it was called with, the params P_t before the step and the gradients g_t returned; P_T is
the params after the run (``recording.py``). From those: the batch size and the sampled indices
(each minibatch row located in X), whether each minibatch is a fresh draw, the reg of every call
in time order, the learning rate of each step per parameter, lr_t = -<P_{t+1} - P_t, g_t> /
<g_t, g_t> (with the residual telling whether the step was a multiple of the gradient at all),
and the accuracies each history should hold, computed with the NumPy oracle at the params after
each epoch's step.
"""

import numpy as np

from reference import TwoLayerNet
from reference.checker import mistakes, problems
from reference.checker.report import Check

RATE_TOL = 1e-6  # relative, on each inferred learning rate
HISTORY_TOL = 1e-12


def _cause(mid, detail):
    m = mistakes.BY_ID[mid]
    return f"{detail}: this matches {m.title}. Fix: {m.fix}. [cause: {mid}]"


def named(name, measured, tol, what, mid, detail):
    """A failed check whose cause is the known mistake ``mid``."""
    return Check(name, False, measured, tol, what, _cause(mid, detail), [mid], part=mistakes.BY_ID[mid].part)


def schedule(start, decay, decay_at, num_iters, before=False):
    """The value used at every step when ``start`` is multiplied by ``decay`` after (or before)
    the steps where ``decay_at(it)``."""
    values, value = [], start
    for it in range(num_iters):
        if before and decay_at(it):
            value *= decay
        values.append(value)
        if not before and decay_at(it):
            value *= decay
    return np.array(values)


def schedules(lr0, decay, boundaries, num_iters):
    """The learning rate of every step: the notebook's schedule and the known wrong ones."""
    right = schedule(lr0, decay, lambda it: it in boundaries, num_iters)
    return right, {"update_ascends": -right,
                   "lr_never_decayed": np.full(num_iters, lr0),
                   "lr_decayed_every_iteration": schedule(lr0, decay, lambda it: True, num_iters),
                   "lr_decayed_before_update": schedule(lr0, decay, lambda it: it in boundaries, num_iters, True)}


def infer_rates(steps, final):
    """(rates (T, 4), residuals (T, 4)): per step and parameter, the lr that best explains the
    update as -lr * grad, and how far the update is from that (relative to its size)."""
    T = len(steps)
    rates, residuals = np.full((T, 4), np.nan), np.zeros((T, 4))
    for t, step in enumerate(steps):
        after = steps[t + 1]["params"] if t + 1 < T else final
        for j, k in enumerate(problems.PARAM_NAMES):
            delta, g = (after[k] - step["params"][k]).ravel(), step["grads"][k].ravel()
            gg = float(g @ g)
            if gg > 0:
                rates[t, j] = -float(delta @ g) / gg
                rest = delta + rates[t, j] * g
                residuals[t, j] = np.linalg.norm(rest) / max(np.linalg.norm(delta), 1e-300)
    return rates, residuals


def _close(a, b):
    """a == b to RATE_TOL relative, b broadcast to a's shape; NaN in a (no gradient) counts as equal."""
    a = np.asarray(a, dtype=np.float64)
    b = np.broadcast_to(np.asarray(b, dtype=np.float64), a.shape)
    return bool(np.all(np.isnan(a) | (np.abs(a - b) <= RATE_TOL * np.abs(b))))


def rate_changes(used):
    """'x0.5 after iterations 0, 5' — where and by how much the rate changed, in time order."""
    ratios = used[1:] / used[:-1]
    moved = [t for t, r in enumerate(ratios) if abs(r - 1) > RATE_TOL]
    return ", ".join(f"x{ratios[t]:.4g} after iteration {t}" for t in moved) or "never changed"


def judge_rates(steps, final, prob, boundaries, reg_decayed=False):
    name, what, tol = "train_learning_rate", "max rel. error of the inferred learning rates", RATE_TOL
    kw = prob.kwargs
    right, wrong = schedules(kw["learning_rate"], kw["learning_rate_decay"], boundaries, len(steps))
    rates, residuals = infer_rates(steps, final)
    err = np.abs(rates - right[:, None]) / right[:, None]
    measured = float(np.nanmax(np.where(residuals > RATE_TOL, np.inf, err)))
    if measured <= RATE_TOL:
        return Check(name, True, measured, tol, what, part="training_rate")
    stuck = [k for j, k in enumerate(problems.PARAM_NAMES) if np.allclose(rates[:, j], 0, atol=1e-12 * right[0])]
    if stuck:
        return named(name, measured, tol, what, "param_not_updated", f"{' and '.join(stuck)} never changed during training")
    bad = np.argwhere(residuals > RATE_TOL)
    if len(bad):
        t, j = bad[0]
        return Check(name, False, measured, tol, what,
                     f"at step {t}, {problems.PARAM_NAMES[j]}'s update is not a multiple of its gradient "
                     f"(residual {residuals[t, j]:.2g} of the update); the update should be "
                     "params -= learning_rate * grads; not a known mistake", part="training_update")
    used = np.nanmedian(rates, axis=1)
    seen = f"the learning rates used were {_values(used)} ({rate_changes(used)}), expected {_values(right)}"
    if reg_decayed and _close(rates, wrong["lr_never_decayed"][:, None]):
        return named(name, measured, tol, what, "decay_applied_to_reg", seen + ", and reg was decayed instead")
    for mid, values in wrong.items():
        if _close(rates, values[:, None]):
            return named(name, measured, tol, what, mid, seen)
    c = float(np.median(used / right))
    if abs(c - 1) > RATE_TOL and _close(rates, c * right[:, None]):
        return named(name, measured, tol, what, "lr_scaled", f"{seen}: {c:.4g} x the schedule at every step")
    part = "training_rate" if abs(used[0] / right[0] - 1) > RATE_TOL else "training_decay"
    return Check(name, False, measured, tol, what, f"{seen}; not a known mistake", part=part)


def _values(r):
    """Values in time order, runs of equal values shortened: [0.3 x1, 0.15 x5]."""
    runs = []
    for x in np.ravel(r):
        if runs and (runs[-1][0] == x or (np.isfinite(x) and abs(runs[-1][0] - x) <= 1e-12 * abs(x))):
            runs[-1][1] += 1
        else:
            runs.append([x, 1])
    return "[" + ", ".join(f"{x:.4g}" + (f" x{n}" if n > 1 else "") for x, n in runs) + "]"


def locate_rows(steps, X):
    """The index in X of every minibatch row, per step (-1 where a row is not a row of X)."""
    where = {row.tobytes(): i for i, row in enumerate(X)}
    return [np.array([where.get(r.tobytes(), -1) for r in s["X"]]) for s in steps]


def judge_sampling(steps, prob):
    kw = prob.kwargs
    what, tol, name = "minibatches with a repeated example", ">= 1", "train_sampling"
    rng_state = np.random.get_state()
    np.random.seed(prob.seed)
    draws = [np.random.choice(len(prob.X), kw["batch_size"]) for _ in range(kw["num_iters"])]
    np.random.set_state(rng_state)
    expected_repeats = sum(len(set(d)) < len(d) for d in draws)
    what = f"{what} (np.random.choice's draws: {expected_repeats} of {len(draws)})"
    idx = locate_rows(steps, prob.X)
    if any((i < 0).any() for i in idx):
        return Check(name, False, None, tol, what, "some minibatch rows are not rows of X: train changed the "
                     "examples or built them itself; not a known mistake", part="training_sampling")
    repeats = sum(len(set(i.tolist())) < len(i) for i in idx)
    if not all(np.array_equal(s["y"], prob.y[i]) for s, i in zip(steps, idx)):
        return named(name, repeats, tol, what, "batch_labels_mismatch", "y_batch is not y at the minibatch's indices")
    first = {}
    again = [(t, first.setdefault(tuple(sorted(i.tolist())), t)) for t, i in enumerate(idx)]
    again = [(t, s) for t, s in again if s != t]
    if again:
        pairs = ", ".join(f"{t} reuses {s}" for t, s in again[:4]) + (", ..." if len(again) > 4 else "")
        return named(name, repeats, tol, what, "batch_not_redrawn",
                     f"{len(again)} of {len(idx)} minibatches are an earlier one again (iteration {pairs})")
    if repeats == 0 and expected_repeats > 0:
        return named(name, repeats, tol, what, "sampling_without_replacement",
                     f"no minibatch of {len(idx)} repeats an example")
    return Check(name, True, repeats, tol, what, part="training_sampling")


def judge_steps(calls, sizes, regs, kw, boundaries):
    """train_steps: one loss call with labels per iteration, minibatches of batch_size, reg as
    given at every call (in time order). Returns (check, the steps can be aligned, reg decayed)."""
    what, name = "loss calls with labels (one per step)", "train_steps"
    aligned = calls == kw["num_iters"] and set(sizes) <= {kw["batch_size"]}
    decayed = schedule(kw["reg"], kw["learning_rate_decay"], lambda it: it in boundaries, len(regs))
    reg_decayed = len(regs) > 0 and _close(np.array(regs), decayed) and not _close(np.array(regs), kw["reg"])
    if not aligned:
        seen = []
        if calls != kw["num_iters"]:
            seen.append(f"train called loss with labels {calls} times for {kw['num_iters']} iterations")
        if not set(sizes) <= {kw["batch_size"]}:
            seen.append(f"minibatches of {_values(sizes)} examples in time order, expected {kw['batch_size']}")
        part = "training_update" if calls != kw["num_iters"] else "training_sampling"
        return Check(name, False, calls, kw["num_iters"], what, "; ".join(seen) + "; not a known mistake",
                     part=part), False, False
    if regs and not _close(np.array(regs), kw["reg"]):
        seen = f"loss was called with reg {_values(regs)} in time order, expected {kw['reg']:g} at every step"
        if reg_decayed:  # named with the rates, which say whether the learning rate decayed too
            return Check(name, False, calls, kw["num_iters"], what, seen + ": reg is decayed at the epoch "
                         "boundaries like a learning rate", part="training_decay"), True, True
        return Check(name, False, calls, kw["num_iters"], what, seen + "; not a known mistake",
                     part="training_update"), True, False
    return Check(name, True, calls, kw["num_iters"], what, part="training_update"), True, False


def accuracy(params, X, y):
    return float(np.mean(TwoLayerNet.from_params(params).predict(X) == y))


def judge_history(name, history, expected, variants, what):
    """Compare a recorded history with the expected one; try the known wrong ones."""
    tol = HISTORY_TOL
    expected = np.asarray(expected, dtype=np.float64)
    if history is None:
        return Check(name, False, None, tol, what, f"train's result has no '{name}'", part="training_histories")
    if history.shape == expected.shape:
        measured = float(np.max(np.abs(history - expected) / np.maximum(1, np.abs(expected)), initial=0))
        if measured <= tol:
            return Check(name, True, measured, tol, what, part="training_histories")
    else:
        measured = f"{history.size} entries ({expected.size} expected)"
    seen = f"{name} holds {_values(history)}, expected {_values(expected)}"
    for mid, values in variants:
        values = np.asarray(values, dtype=np.float64)
        if values.shape == history.shape and np.allclose(history, values, rtol=tol, atol=tol):
            return named(name, measured, tol, what, mid, seen)
    return Check(name, False, measured, tol, what, seen + "; not a known mistake", part="training_histories")


NAMES = ["train_steps", "train_sampling", "train_learning_rate", "loss_history", "train_acc_history",
         "val_acc_history"]


def recorded_steps(obs, calls):
    return [{"X": obs.get(f"trace/{i}/X"), "y": obs.get(f"trace/{i}/y"), "loss": float(obs.get(f"trace/{i}/loss")),
             "params": obs.params(f"trace/{i}/params"), "grads": obs.params(f"trace/{i}/grads")}
            for i in range(calls)]


def judge_training(obs):
    """The checks of NAMES, in that order; those that cannot be judged say so (a consequence)."""
    prob = problems.train_problem()
    kw = prob.kwargs
    calls = obs.meta.get("trace/calls")
    if calls is None:
        error = obs.errors.get("trace", "train could not be observed")
        return [Check(n, False, None, None, "training run", f"your code raised {error}", part="training_update")
                for n in NAMES]
    steps = recorded_steps(obs, calls)
    boundaries = problems.epoch_boundaries(len(prob.X), kw["batch_size"], kw["num_iters"])
    first, aligned, reg_decayed = judge_steps(calls, [len(s["X"]) for s in steps], obs.meta.get("trace/regs", []),
                                              kw, boundaries)
    if "trace" in obs.errors:
        first = Check(first.name, False, calls, kw["num_iters"], first.what,
                      f"train raised {obs.errors['trace']}; not a known mistake", part="training_update")
        aligned = False
    if not aligned:
        why = "not judged: the run's steps are not the expected ones (see train_steps)"
        return [first] + [Check(n, False, None, None, "training run", why, consequence_of="train_steps")
                          for n in NAMES[1:]]
    final = obs.params("trace/final")
    after = [steps[t + 1]["params"] if t + 1 < len(steps) else final for t in boundaries]
    batches = [(steps[t]["X"], steps[t]["y"]) for t in boundaries]
    losses = [s["loss"] for s in steps]
    train_acc = [accuracy(p, X, y) for p, (X, y) in zip(after, batches)]
    on_full = [accuracy(p, prob.X, prob.y) for p in after]
    val_acc = [accuracy(p, prob.X_val, prob.y_val) for p in after]
    rates = judge_rates(steps, final, prob, boundaries, reg_decayed)
    if rates.causes == ["decay_applied_to_reg"]:
        first = named(first.name, first.measured, first.tolerance, first.what, "decay_applied_to_reg",
                      first.diagnosis.split(":")[0])
    every = [steps[t + 1]["params"] if t + 1 < len(steps) else final for t in range(len(steps))]
    histories = [judge_history("loss_history", obs.get("trace/loss_history"), losses,
                               [("loss_history_per_epoch", [losses[t] for t in boundaries])], "max rel. error"),
                 judge_history("train_acc_history", obs.get("trace/train_acc_history"), train_acc,
                               [("train_acc_on_full_train", on_full),
                                ("acc_every_iteration", [accuracy(p, s["X"], s["y"]) for p, s in zip(every, steps)])],
                               "max error (minibatch accuracy per epoch)"),
                 judge_history("val_acc_history", obs.get("trace/val_acc_history"), val_acc,
                               [("val_acc_on_train", train_acc), ("val_acc_on_train", on_full),
                                ("acc_every_iteration", [accuracy(p, prob.X_val, prob.y_val) for p in every])],
                               "max error (validation accuracy per epoch)")]
    return [first, judge_sampling(steps, prob), rates] + same_boundaries(histories, rates, steps, final, obs)


def same_boundaries(histories, rates, steps, final, obs):
    """Accuracy histories with one entry per decay of the rate, when the rate decays at the wrong
    iterations: they follow from the same wrong epoch length (a consequence of the rate check)."""
    if rates.passed or rates.part != "training_decay":
        return histories
    used = np.nanmedian(infer_rates(steps, final)[0], axis=1)
    decays = int(np.sum(np.abs(used[1:] / used[:-1] - 1) > RATE_TOL)) + 1
    for c in histories:
        recorded = obs.get(f"trace/{c.name}")
        if not c.passed and c.name.endswith("acc_history") and recorded is not None and recorded.size in (decays, decays - 1):
            c.consequence_of = rates.name
            c.diagnosis += "; recorded at the same wrong epoch boundaries as the rate's decay"
    return histories
