"""What train records, judged against the record of its run (NumPy): the loss of every iteration,
and the minibatch and validation accuracies once per epoch, at the params after the epoch's first
step (the NumPy oracle's predictions); and, when the accuracies were recorded at other iterations,
which ones, from every set an epoch test ``(it + r) % L == 0`` can pick.
"""

import numpy as np

from reference.checker import evidence
from reference.checker.report import Check
from reference.checker.training_record import (HISTORY_TOL, accuracy, epoch_sets, iterations_text, named, params_after,
                                               values_text)


def judge_history(name, history, expected, variants, what):
    """Compare a recorded history with the expected one; try the known wrong ones."""
    tol = HISTORY_TOL
    expected = np.asarray(expected, dtype=np.float64)
    if history is None:
        return Check(name, False, None, tol, what, f"train's result has no '{name}'", part="training_histories")
    if history.shape == expected.shape:
        finite = np.isfinite(expected)  # an inf or NaN loss recorded as it was is recorded right
        same = np.array_equal(history[~finite], expected[~finite], equal_nan=True) and bool(
            np.isfinite(history[finite]).all())
        measured = float(np.max(np.abs(history[finite] - expected[finite]) / np.maximum(1, np.abs(expected[finite])),
                                initial=0)) if same else float("nan")
        if measured <= tol:
            return Check(name, True, measured, tol, what, part="training_histories")
    else:
        measured = f"{history.size} entries ({expected.size} expected)"
    seen = f"{name} holds {values_text(history)}, expected {values_text(expected)}"
    for key, values in variants:  # "cause" or "cause:its title's detail"
        values = values() if callable(values) else values  # computed only when the history is wrong
        if len(values) and matches(history, values):  # an empty history matches no known one
            mid, _, fill = key.partition(":")
            return named(name, measured, tol, what, mid, seen, fill)
    every = sparse_every(name, history, expected)
    if every:
        alone = every == expected.size  # a k as long as the run: only iteration 0's shows, so "k or more"
        at = "iteration 0 alone" if alone else f"iteration 0 and every {every}th after it"
        return named(name, measured, tol, what, "loss_history_sparse", f"{seen}: the loss of {at}",
                     f"{every} or more" if alone else str(every))
    if expected.size and history.size > expected.size and matches(history[-expected.size:], expected):
        return named(name, measured, tol, what, "histories_kept_between_calls", f"{name} holds {history.size} "
                     f"entries: earlier calls' {history.size - expected.size}, then this run's {expected.size}")
    return Check(name, False, measured, tol, what, seen + "; not a known mistake", part="training_histories")


def sparse_every(name, history, expected):
    """The smallest k >= 2 for which loss_history holds the losses of iterations 0, k, 2k, ... only,
    else None."""
    if name != "loss_history" or history is None or not 0 < history.size < expected.size:
        return None
    return next((k for k in range(2, expected.size + 1) if matches(history, expected[::k])), None)


def matches(history, values):
    """A recorded history equals ``values`` (to HISTORY_TOL), in length too."""
    values = np.asarray(values, dtype=np.float64)
    return history is not None and values.shape == history.shape and bool(
        np.allclose(history, values, rtol=HISTORY_TOL, atol=HISTORY_TOL))


class _OnFirstRead(dict):
    """A dict whose value for a key is made by ``makers[key]()`` when the key is first read."""

    def __init__(self, makers):
        super().__init__()
        self.makers = makers

    def __missing__(self, key):
        self[key] = value = self.makers[key]()
        return value


def per_step(steps, final, prob):
    """The accuracies after every step: on its minibatch, on the training set, on the validation set;
    and on its minibatch and the validation set at the params before it (each list computed when
    first read: right histories need two of them)."""
    after = params_after(steps, final)
    return _OnFirstRead({"train": lambda: [accuracy(p, s["X"], s["y"]) for p, s in zip(after, steps)],
                         "full": lambda: [accuracy(p, prob.X, prob.y) for p in after],
                         "val": lambda: [accuracy(p, prob.X_val, prob.y_val) for p in after],
                         "train_before": lambda: [accuracy(s["params"], s["X"], s["y"]) for s in steps],
                         "val_before": lambda: [accuracy(s["params"], prob.X_val, prob.y_val) for s in steps]})


def judge_histories(obs, steps, final, prob, boundaries, evaluations=()):
    """[loss_history, train_acc_history, val_acc_history]: each against the run's own record
    (``evaluations``: loss calls on a whole data set beside the steps)."""
    acc = per_step(steps, final, prob)
    at = lambda key, its: [acc[key][t] for t in its]  # noqa: E731
    losses = [s["loss"] for s in steps]
    data_losses = [s["loss"] - s["reg"] * evidence.reg_term(s["params"]) for s in steps]
    on_train = [s["loss"] for s in evaluations if len(s["X"]) == len(prob.X)]
    ema = ema_factor(obs.get("trace/loss_history"), losses)
    all_three = lambda: all_in_one(losses, at("train", boundaries), at("val", boundaries), boundaries)  # noqa: E731
    train, val = (obs.get(f"trace/{k}_acc_history") for k in ("train", "val"))
    if matches(train, at("val", boundaries)) and matches(val, at("train", boundaries)) and not matches(
            train, at("train", boundaries)):  # each holds the other's accuracies
        what = "the accuracies (per epoch)"
        seen = f"train_acc_history holds {values_text(train)} and val_acc_history {values_text(val)}, each the other's"
        swapped = [named(n, None, HISTORY_TOL, what, "acc_histories_swapped", seen)
                   for n in ("train_acc_history", "val_acc_history")]
    else:
        swapped = None
    ended = list(boundaries) + [t for t in range(len(steps))[-1:] if t not in boundaries]  # and after the last
    one_list = interleaved(at("train", boundaries), at("val", boundaries))  # both histories one list
    n_train, n_val = len(prob.X), len(prob.X_val)
    return [judge_history("loss_history", obs.get("trace/loss_history"), losses,
                          [("loss_history_per_epoch", [losses[t] for t in boundaries]),
                           ("loss_history_without_reg", data_losses), ("loss_history_on_training_set", on_train),
                           ("loss_history_after_update", [s["loss"] for s in evaluations if s.get("again")]),
                           ("history_truncated", np.trunc(losses)), ("loss_history_negated", -np.asarray(losses)),
                           ("loss_history_running_mean", np.cumsum(losses) / np.arange(1, len(losses) + 1)),
                           ("loss_history_epoch_mean", epoch_means(losses, boundaries)),
                           (f"loss_history_smoothed:{ema:.4g}", lambda: smoothed(ema, losses)),
                           ("histories_one_list", all_three)],
                          "max rel. error")] + (swapped or [
            judge_history("train_acc_history", train, at("train", boundaries),
                          [("train_acc_on_full_train", lambda: at("full", boundaries)),
                           ("train_acc_on_val", at("val", boundaries)), ("acc_every_iteration", lambda: acc["train"]),
                           ("acc_before_update", lambda: at("train_before", boundaries)),
                           ("acc_count_not_fraction", [acc["train"][t] * len(steps[t]["X"]) for t in boundaries]),
                           ("acc_over_other_set", [acc["train"][t] * len(steps[t]["X"]) / n_val for t in boundaries]),
                           ("acc_over_other_set", [acc["train"][t] * len(steps[t]["X"]) / n_train for t in boundaries]),
                           ("acc_recorded_at_end", at("train", ended)),
                           ("history_truncated", np.floor(at("train", boundaries))),
                           ("acc_error_rate", [1 - a for a in at("train", boundaries)]),
                           ("acc_histories_one_list", one_list),
                           ("acc_best_so_far", best_so_far(at("train", boundaries))),
                           ("histories_one_list", all_three)],
                          "max error (minibatch accuracy per epoch)"),
            judge_history("val_acc_history", val, at("val", boundaries),
                          [("val_acc_on_train", at("train", boundaries)),
                           ("val_acc_on_train", lambda: at("full", boundaries)), ("acc_every_iteration", acc["val"]),
                           ("acc_before_update", lambda: at("val_before", boundaries)),
                           ("acc_count_not_fraction", [a * n_val for a in at("val", boundaries)]),
                           ("acc_over_other_set", [a * n_val / n_train for a in at("val", boundaries)]),
                           ("acc_recorded_at_end", at("val", ended)),
                           ("history_truncated", np.floor(at("val", boundaries))),
                           ("acc_error_rate", [1 - a for a in at("val", boundaries)]),
                           ("acc_histories_one_list", one_list),
                           ("acc_best_so_far", best_so_far(at("val", boundaries))),
                           ("histories_one_list", all_three)],
                          "max error (validation accuracy per epoch)")])


def best_so_far(accuracies):
    """The running maximum of the epochs' accuracies, or [] where it is one value throughout: then it
    is also every entry the first epoch's, which another mistake records."""
    best = np.maximum.accumulate(accuracies) if len(accuracies) else np.array([])
    return best if len(np.unique(best)) > 1 else []


def ema_factor(history, losses):
    """The b of an exponential moving average h_t = b h_(t-1) + (1 - b) loss_t read off a recorded
    history's second entry, or NaN where none can be (0 < b < 1)."""
    if history is None or len(history) < 2 or len(losses) < 2 or losses[1] == history[0]:
        return float("nan")
    b = (history[1] - losses[1]) / (history[0] - losses[1])
    return float(b) if 0 < b < 1 else float("nan")


def smoothed(b, losses):
    """That moving average of ``losses`` from h_0 = loss_0 ([] for a NaN b)."""
    if not 0 < b < 1:
        return []
    out = [losses[0]]
    for loss in losses[1:]:
        out.append(b * out[-1] + (1 - b) * loss)
    return out


def epoch_means(losses, boundaries):
    """The mean loss of each epoch's iterations (an epoch from one boundary to the next)."""
    ends = list(boundaries[1:]) + [len(losses)]
    return [float(np.mean(losses[a:b])) for a, b in zip(boundaries, ends) if b > a]


def all_in_one(losses, train, val, boundaries):
    """What one list appended to by all three histories holds: each iteration's loss, then at an
    epoch's first iteration both accuracies."""
    accs = zip(train, val)
    return [v for t, loss in enumerate(losses) for v in ([loss, *next(accs)] if t in boundaries else [loss])]


def interleaved(train, val):
    """Both accuracies of each epoch in turn, as one list appended to by both histories holds them."""
    return [a for pair in zip(train, val) for a in pair]


def recorded_sets(obs, steps, final, prob):
    """Every set of iterations an epoch test can pick after which both accuracy histories were recorded."""
    acc = per_step(steps, final, prob)
    train, val = obs.get("trace/train_acc_history"), obs.get("trace/val_acc_history")
    return [its for its in epoch_sets(len(steps))
            if matches(train, [acc["train"][t] for t in its]) and matches(val, [acc["val"][t] for t in its])]


def recorded_at(obs, steps, final, prob, boundaries):
    """The sets of iterations (not the epochs' own) after which both accuracy histories were recorded."""
    return [its for its in recorded_sets(obs, steps, final, prob) if list(its) != list(boundaries)]


def epoch_mistake(checks, decays, obs, steps, final, prob, boundaries):
    """One mistake where the accuracies were recorded at other iterations than the epochs' first:
    with the rate decayed at those same iterations (``decays``: where it was, or None), the epoch
    test (``epoch_test_off_by_one`` or ``epoch_boundaries_wrong``); with the rate right, the
    records alone. Relabels ``checks`` {name: Check} in place."""
    history = [checks[n] for n in ("train_acc_history", "val_acc_history")]
    rate = checks["train_learning_rate"]
    if all(c.passed for c in history) or (rate.passed and any(c.causes for c in history)):
        return  # the histories are right, or a known mistake of their own explains them
    found = [its for its in recorded_at(obs, steps, final, prob, boundaries) if len(its)]  # none recorded: no set
    if not rate.passed and decays is not None:
        found = [its for its in found if [t for t in its if t < len(steps) - 1] == list(decays)]
    if len(found) != 1:
        return
    its, per_epoch = found[0], boundaries[1] - boundaries[0] if len(boundaries) > 1 else len(steps)
    if rate.passed:
        cause = "acc_recorded_at_wrong_iterations"
    elif decays is not None:
        cause = "epoch_test_off_by_one" if list(its) == [t for t in range(len(steps)) if (t + 1) % per_epoch == 0] \
            else "epoch_boundaries_wrong"
    else:
        return
    seen = (f"the accuracies were recorded after {iterations_text(its)}"
            + (", and the rate decayed there too" if not rate.passed else "")
            + f", instead of after {iterations_text(boundaries)}")
    for c in history + ([] if rate.passed else [rate]):
        checks[c.name] = named(c.name, c.measured, c.tolerance, c.what, cause, seen)
    if not rate.passed:
        checks[rate.name].part = "training_decay"
