"""The training loop, step by step: infer what ``train`` did from the recorded trace (NumPy).

The child wrapped ``loss`` and recorded, at every SGD step t, the minibatch (X_t, y_t), the
params P_t before the step and the gradients g_t returned; P_T is the params after the run.
From those: the batch size and the sampled indices (each minibatch row located in X), the
learning rate of each step per parameter, lr_t = -<P_{t+1} - P_t, g_t> / <g_t, g_t> (with the
residual telling whether the step was a multiple of the gradient at all), and the accuracies
each history should hold, computed with the NumPy oracle at the params after each epoch's step.
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


def schedules(lr0, decay, boundaries, num_iters):
    """The learning rate of every step: the notebook's schedule and the known wrong ones."""
    def run(decay_at, before):
        rates, lr = [], lr0
        for it in range(num_iters):
            if before and decay_at(it):
                lr *= decay
            rates.append(lr)
            if not before and decay_at(it):
                lr *= decay
        return np.array(rates)
    right = run(lambda it: it in boundaries, before=False)
    return right, {"update_ascends": -right,
                   "lr_never_decayed": np.full(num_iters, lr0),
                   "lr_decayed_every_iteration": run(lambda it: True, before=False),
                   "lr_decayed_before_update": run(lambda it: it in boundaries, before=True)}


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


def judge_rates(steps, final, prob, boundaries):
    what = "max rel. error of the inferred learning rates"
    kw = prob.kwargs
    right, wrong = schedules(kw["learning_rate"], kw["learning_rate_decay"], boundaries, kw["num_iters"])
    rates, residuals = infer_rates(steps, final)
    err = np.abs(rates - right[:, None]) / right[:, None]
    measured = float(np.nanmax(np.where(residuals > RATE_TOL, np.inf, err)))
    if measured <= RATE_TOL:
        return Check("train_learning_rate", True, measured, RATE_TOL, what)
    stuck = [k for j, k in enumerate(problems.PARAM_NAMES) if np.allclose(rates[:, j], 0, atol=1e-12 * right[0])]
    if stuck:
        return Check("train_learning_rate", False, measured, RATE_TOL, what,
                     _cause("param_not_updated", f"{' and '.join(stuck)} never changed during training"),
                     ["param_not_updated"])
    bad = np.argwhere(residuals > RATE_TOL)
    if len(bad):
        t, j = bad[0]
        return Check("train_learning_rate", False, measured, RATE_TOL, what,
                     f"at step {t}, {problems.PARAM_NAMES[j]}'s update is not a multiple of its gradient "
                     f"(residual {residuals[t, j]:.2g} of the update); the update should be "
                     "params -= learning_rate * grads; no known mistake matches")
    used = np.nanmedian(rates, axis=1)
    for mid, schedule in wrong.items():
        if np.all(np.abs(rates - schedule[:, None]) <= RATE_TOL * np.abs(schedule[:, None])):
            return Check("train_learning_rate", False, measured, RATE_TOL, what,
                         _cause(mid, f"the learning rates used were {_rates(used)}, expected {_rates(right)}"), [mid])
    return Check("train_learning_rate", False, measured, RATE_TOL, what,
                 f"the learning rates used were {_rates(used)}, expected {_rates(right)} (decay after the "
                 f"update at iterations {boundaries}); no known mistake matches")


def _rates(r):
    return "[" + ", ".join(f"{x:.4g}" for x in r) + "]"


def locate_rows(steps, X):
    """The index in X of every minibatch row, per step (-1 where a row is not a row of X)."""
    where = {row.tobytes(): i for i, row in enumerate(X)}
    return [np.array([where.get(r.tobytes(), -1) for r in s["X"]]) for s in steps]


def judge_sampling(steps, prob):
    kw = prob.kwargs
    what = "minibatches with a repeated example"  # with replacement, some batches repeat one
    rng_state = np.random.get_state()
    np.random.seed(prob.seed)
    draws = [np.random.choice(len(prob.X), kw["batch_size"]) for _ in range(kw["num_iters"])]
    np.random.set_state(rng_state)
    expected_repeats = sum(len(set(d)) < len(d) for d in draws)
    what = f"{what} (np.random.choice's draws: {expected_repeats} of {len(draws)})"
    tol = ">= 1"
    idx = locate_rows(steps, prob.X)
    if any((i < 0).any() for i in idx):
        return Check("train_sampling", False, None, tol, what,
                     "some minibatch rows are not rows of X: train changed the examples or built them itself")
    repeats = sum(len(set(i.tolist())) < len(i) for i in idx)
    labels_ok = all(np.array_equal(s["y"], prob.y[i]) for s, i in zip(steps, idx))
    if not labels_ok:
        return Check("train_sampling", False, repeats, tol, what,
                     _cause("batch_labels_mismatch", "y_batch is not y at the minibatch's indices"),
                     ["batch_labels_mismatch"])
    if repeats == 0 and expected_repeats > 0:
        return Check("train_sampling", False, repeats, tol, what,
                     _cause("sampling_without_replacement", f"no minibatch of {len(idx)} repeats an example"),
                     ["sampling_without_replacement"])
    return Check("train_sampling", True, repeats, tol, what)


def accuracy(params, X, y):
    return float(np.mean(TwoLayerNet.from_params(params).predict(X) == y))


def judge_history(name, history, expected, variants, what):
    """Compare a recorded history with the expected one; try the known wrong ones."""
    tol = HISTORY_TOL
    expected = np.asarray(expected, dtype=np.float64)
    if history is None:
        return Check(name, False, None, tol, what, f"train's result has no '{name}'")
    if history.shape == expected.shape:
        measured = float(np.max(np.abs(history - expected) / np.maximum(1, np.abs(expected)), initial=0))
        if measured <= tol:
            return Check(name, True, measured, tol, what)
    else:
        measured = f"{history.size} entries ({expected.size} expected)"
    for mid, values in variants:
        values = np.asarray(values, dtype=np.float64)
        if values.shape == history.shape and np.allclose(history, values, rtol=tol, atol=tol):
            return Check(name, False, measured, tol, what,
                         _cause(mid, f"{name} holds {_rates(history)}, expected {_rates(expected)}"), [mid])
    return Check(name, False, measured, tol, what,
                 f"{name} holds {_rates(history)}, expected {_rates(expected)}; no known mistake matches")


def judge_training(obs):
    """train_steps, train_sampling, train_learning_rate, loss_history, train_acc_history, val_acc_history."""
    prob = problems.train_problem()
    kw = prob.kwargs
    names = ["train_steps", "train_sampling", "train_learning_rate",
             "loss_history", "train_acc_history", "val_acc_history"]
    calls = obs.meta.get("trace/calls")
    if calls is None:
        error = obs.errors.get("trace", "train could not be observed")
        return [Check(n, False, None, None, "training run", f"your code raised {error}") for n in names]
    steps = [{"X": obs.get(f"trace/{i}/X"), "y": obs.get(f"trace/{i}/y"), "loss": float(obs.get(f"trace/{i}/loss")),
              "params": obs.params(f"trace/{i}/params"), "grads": obs.params(f"trace/{i}/grads")}
             for i in range(calls)]
    sizes = sorted({len(s["X"]) for s in steps})
    regs = sorted(set(obs.meta.get("trace/regs", [])))
    problems_seen = []
    if "trace" in obs.errors:
        problems_seen.append(f"train raised {obs.errors['trace']}")
    if calls != kw["num_iters"]:
        problems_seen.append(f"train called loss with labels {calls} times for {kw['num_iters']} iterations")
    if sizes != [kw["batch_size"]]:
        problems_seen.append(f"minibatches of {sizes} examples, expected {kw['batch_size']}")
    if regs and regs != [kw["reg"]]:
        problems_seen.append(f"loss called with reg {regs}, expected {kw['reg']}")
    first = Check("train_steps", not problems_seen, calls, kw["num_iters"], "loss calls with labels (one per step)",
                  "; ".join(problems_seen))
    if problems_seen:
        why = "could not be judged: the run's steps are not the expected ones (see train_steps)"
        return [first] + [Check(n, False, None, None, "training run", why) for n in names[1:]]
    final = obs.params("trace/final")
    boundaries = problems.epoch_boundaries(len(prob.X), kw["batch_size"], kw["num_iters"])
    after = [steps[t + 1]["params"] if t + 1 < len(steps) else final for t in boundaries]
    batches = [(steps[t]["X"], steps[t]["y"]) for t in boundaries]
    losses = [s["loss"] for s in steps]
    train_acc = [accuracy(p, X, y) for p, (X, y) in zip(after, batches)]
    on_full = [accuracy(p, prob.X, prob.y) for p in after]
    val_acc = [accuracy(p, prob.X_val, prob.y_val) for p in after]
    return [first, judge_sampling(steps, prob), judge_rates(steps, final, prob, boundaries),
            judge_history("loss_history", obs.get("trace/loss_history"), losses,
                          [("loss_history_per_epoch", [losses[t] for t in boundaries])], "max rel. error"),
            judge_history("train_acc_history", obs.get("trace/train_acc_history"), train_acc,
                          [("train_acc_on_full_train", on_full)], "max error (minibatch accuracy per epoch)"),
            judge_history("val_acc_history", obs.get("trace/val_acc_history"), val_acc,
                          [("val_acc_on_train", train_acc), ("val_acc_on_train", on_full)],
                          "max error (validation accuracy per epoch)")]
