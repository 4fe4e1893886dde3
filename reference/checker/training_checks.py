"""Judge a recorded training run step by step (NumPy): what ``train`` did, from the record
(``training_record.py``): the batch size and the sampled indices (each minibatch row located in X),
whether each minibatch is a fresh draw from the whole training set, the reg of every call in time
order, the learning rate of each step (``rates.py``), and what the histories hold (``histories.py``).
"""

import dataclasses
import re

import numpy as np

from reference import TwoLayerNet
from reference.checker import evidence, formulas, histories, problems, rates, recording, replay, training_runs
from reference.checker.report import Check
from reference.checker.training_record import (close, evaluations_apart, joined, named, recorded_steps, run_view,
                                               rng_kept, seen_detail, values_text)

NAMES = ["train_steps", "train_sampling", "train_learning_rate", "loss_history", "train_acc_history",
         "val_acc_history"]


def locate_rows(steps, X):
    """The index in X of every minibatch row, per step (-1 where a row is not a row of X)."""
    where = {row.tobytes(): i for i, row in enumerate(X)}
    return [np.array([where.get(r.tobytes(), -1) for r in s["X"]]) for s in steps]


def judge_sampling(steps, prob, draws):
    """train_sampling: the minibatches are rows of X, with their labels, fresh with-replacement draws
    (``draws``: the rows np.random.choice draws for each after the run's seed)."""
    what, tol, name = "minibatches with a repeated example", ">= 1", "train_sampling"
    expected_repeats = sum(len(set(d)) < len(d) for d in draws)
    what = f"{what} (np.random.choice's draws: {expected_repeats} of {len(draws)})"
    idx = locate_rows(steps, prob.X)
    if any((i < 0).any() for i in idx):
        return Check(name, False, None, tol, what, "some minibatch rows are not rows of X: train changed the "
                     "examples or built them itself; not a known mistake", part="training_sampling")
    repeats = sum(len(set(i.tolist())) < len(i) for i in idx)
    if not all(np.array_equal(s["y"], prob.y[i]) for s, i in zip(steps, idx)):
        if all(np.size(s["y"]) == len(i) and np.array_equal(np.ravel(s["y"]), prob.y[i]) for s, i in zip(steps, idx)):
            shape = np.shape(steps[0]["y"])
            return named(name, repeats, tol, what, "batch_labels_shape", f"y_batch holds y at the minibatch's "
                         f"indices, in an array of shape {shape}", str(shape))
        return named(name, repeats, tol, what, "batch_labels_mismatch", "y_batch is not y at the minibatch's indices")
    if in_order(idx, len(prob.X)):
        return named(name, repeats, tol, what, "batches_in_order", "every minibatch is consecutive rows of X "
                     f"(starting at {', '.join(str(i[0]) for i in idx[:4])}, ...)")
    window = rows_window(idx, len(prob.X))
    if window and window[0] == 0:
        return named(name, repeats, tol, what, "batch_from_first_examples",
                     f"every minibatch index is below {window[1]}, of {len(prob.X)} examples")
    if window and window[1] == len(prob.X):
        return named(name, repeats, tol, what, "batch_skips_first_examples",
                     f"every minibatch index is {window[0]} or more, of {len(prob.X)} examples", str(window[0]))
    if window:
        return Check(name, False, repeats, tol, what, f"every minibatch index is between {window[0]} and "
                     f"{window[1] - 1}, of {len(prob.X)} examples; not a known mistake", part="training_sampling")
    first = {}
    again = [(t, first.setdefault(tuple(sorted(i.tolist())), t)) for t, i in enumerate(idx)]
    again = [(t, s) for t, s in again if s != t]
    if 2 * len(again) >= len(idx):  # fresh draws repeat an earlier batch now and then, not half the time
        pairs = ", ".join(f"{t} reuses {s}" for t, s in again[:4]) + (", ..." if len(again) > 4 else "")
        return named(name, repeats, tol, what, "batch_not_redrawn",
                     f"{len(again)} of {len(idx)} minibatches are an earlier one again (iteration {pairs})")
    if repeats == 0 and expected_repeats > 0:
        return named(name, repeats, tol, what, "sampling_without_replacement",
                     f"no minibatch of {len(idx)} repeats an example")
    return Check(name, True, repeats, tol, what, part="training_sampling")


def choice_batches(prob):
    """The minibatches np.random.choice(num_train, batch_size) draws after the run's seed, one per
    iteration (NumPy's global generator left as it was)."""
    with rng_kept():
        np.random.seed(prob.seed)
        return [np.random.choice(len(prob.X), prob.kwargs["batch_size"]) for _ in range(prob.kwargs["num_iters"])]


def in_order(idx, num_train):
    """Whether every minibatch is consecutive rows of X (a slice X[i:i + batch_size], wrapping)."""
    return all(np.array_equal(np.diff(i) % num_train, np.ones(len(i) - 1)) for i in idx)


def rows_window(idx, num_train):
    """(lo, hi) when the minibatches' distinct draws all fall among rows lo to hi - 1 of X, short of
    all num_train, which fresh draws from all of them would do with probability under 1e-6 (a batch
    used again counts once); else None."""
    distinct = {tuple(sorted(i.tolist())) for i in idx}
    lo, hi = min(int(i.min()) for i in idx), max(int(i.max()) for i in idx) + 1
    short = hi - lo < num_train
    return (lo, hi) if short and ((hi - lo) / num_train) ** sum(map(len, distinct)) < 1e-6 else None


def whole_set_steps(rows, num_train, batch_size):
    """(cause, what was seen) when every step ran on num_train rows: the whole training set in order
    (``step_on_full_train``), or num_train draws from its first batch_size rows (``batch_of_num_train``,
    np.random.choice's arguments swapped); else None."""
    if len(rows) and all(np.array_equal(r, np.arange(num_train)) for r in rows):
        return "step_on_full_train", "every step on the whole training set, in order"
    if len(rows) and all(len(r) and 0 <= r.min() and r.max() < batch_size for r in rows) and batch_size < num_train:
        return "batch_of_num_train", f"{num_train} draws from the first {batch_size} rows at every step"
    return None


def whole_epochs(num_iters, per_epoch):
    """{count: 'down' or 'up'}: the iteration counts of num_iters rounded to whole epochs of
    ``per_epoch`` (at least one epoch), when num_iters is not a whole number of them."""
    if num_iters % per_epoch == 0:
        return {}
    return {max(num_iters // per_epoch, 1) * per_epoch: "down", -(-num_iters // per_epoch) * per_epoch: "up"}


def judge_steps(calls, sizes, regs, kw, boundaries, num_train, rows=(), draws=()):
    """train_steps: one loss call with labels per iteration, minibatches of batch_size, reg as
    given at every call (in time order; ``rows``: each step's rows located in X; ``draws``: the rows
    np.random.choice draws for each). Returns (check, the steps can be aligned, reg decayed)."""
    what, name = "loss calls with labels (one per step)", "train_steps"
    aligned = calls == kw["num_iters"] and set(sizes) <= {kw["batch_size"]}
    decayed = rates.schedule(kw["reg"], kw["learning_rate_decay"], lambda it: it in boundaries, len(regs))
    reg_decayed = len(regs) > 0 and close(np.array(regs), decayed) and not close(np.array(regs), kw["reg"])
    if not aligned:
        seen = []
        if calls != kw["num_iters"]:
            seen.append(f"train called loss with labels {calls} times for {kw['num_iters']} iterations")
        if not set(sizes) <= {kw["batch_size"]}:
            seen.append(f"minibatches of {values_text(sizes)} examples in time order, expected {kw['batch_size']}")
        per_epoch = problems.iterations_per_epoch(num_train, kw["batch_size"])
        whole = whole_epochs(kw["num_iters"], per_epoch)
        if calls in whole and set(sizes) <= {kw["batch_size"]}:
            return named(name, calls, kw["num_iters"], what, "iterations_in_whole_epochs", f"{seen[0]}: "
                         f"{calls // per_epoch} whole epochs of {per_epoch}", whole[calls]), False, False
        if abs(calls - kw["num_iters"]) == 1 and set(sizes) <= {kw["batch_size"]}:
            return named(name, calls, kw["num_iters"], what, "iteration_count_off_by_one", seen[0]), False, False
        if per_epoch > 1 and calls == kw["num_iters"] * per_epoch and set(sizes) <= {kw["batch_size"]}:
            return named(name, calls, kw["num_iters"], what, "num_iters_as_epochs", f"{seen[0]}: num_iters x "
                         f"{per_epoch} iterations per epoch"), False, False
        if calls == kw["num_iters"] and set(sizes) == {min(kw["batch_size"], num_train)}:
            return named(name, calls, kw["num_iters"], what, "batch_size_capped", f"{seen[0]}, with {num_train} "
                         "training rows: the batch size capped at the number of rows"), False, False
        if calls == kw["num_iters"] and set(sizes) == {num_train}:
            found = whole_set_steps(rows, num_train, kw["batch_size"])
            if found:
                return named(name, calls, kw["num_iters"], what, found[0], f"{seen[0]}: {found[1]}"), False, False
        if calls == kw["num_iters"] == len(rows) == len(draws) and all(
                np.array_equal(r, np.unique(d)) for r, d in zip(rows, draws)):
            return named(name, calls, kw["num_iters"], what, "batch_deduplicated", f"{seen[-1]}: each the draw "
                         "np.random.choice made, its repeats dropped and sorted"), False, False
        if calls == kw["num_iters"] and set(sizes) == {SKELETON_DEFAULTS["batch_size"]}:
            return named(name, calls, kw["num_iters"], what, "batch_size_fixed", f"{seen[0]}: train's default, "
                         "whatever batch_size is given", f"{SKELETON_DEFAULTS['batch_size']:g}"), False, False
        part = "training_update" if calls != kw["num_iters"] else "training_sampling"
        return Check(name, False, calls, kw["num_iters"], what, "; ".join(seen) + "; not a known mistake",
                     part=part), False, False
    if regs and not close(np.array(regs), kw["reg"]):
        seen = f"loss was called with reg {values_text(regs)} in time order, expected {kw['reg']:g} at every step"
        if reg_decayed:  # named with the rates, which say whether the learning rate decayed too
            return Check(name, False, calls, kw["num_iters"], what, seen + ": reg is decayed at the epoch "
                         "boundaries like a learning rate", part="training_decay"), True, True
        if not any(regs):
            return named(name, calls, kw["num_iters"], what, "reg_not_passed", seen), True, False
        if close(np.array(regs), rates.schedule(kw["learning_rate"], kw["learning_rate_decay"],
                                                lambda it: it in boundaries, len(regs))):
            return named(name, calls, kw["num_iters"], what, "lr_passed_as_reg", seen + ": the learning rate of "
                         "every step"), True, False
        return Check(name, False, calls, kw["num_iters"], what, seen + "; not a known mistake",
                     part="training_update"), True, False
    return Check(name, True, calls, kw["num_iters"], what, part="training_update"), True, False


# words in the line where train raised -> the part of train that line belongs to (first match wins)
RAISED_IN = (("training_histories", r"histor|\.append\("), ("training_sampling", r"random|choice|randint|permutation|"
             r"shuffle|batch|indices|idx"), ("training_decay", r"decay"), ("training_update", r"[-+]="),
             ("training_rate", r"learning_rate|\blr\b"))


def raised_part(error):
    """The part of train where it raised, from the code of the line that raised (the error's ``line N:
    code``): the histories, the minibatch, the decay, an in-place update (``-=``, ``+=``: whatever it
    is multiplied by, a scalar rate broadcasts) or the rate; else the loop itself (the update)."""
    code = error.rpartition(": ")[2] if ", line " in error else ""
    return next((part for part, words in RAISED_IN if re.search(words, code)), "training_update")


def oracle_run(prob):
    """The NumPy oracle's run on ``prob`` after its seed: (histories, final params, its minibatches
    [(X, y)] in order)."""
    net, calls = TwoLayerNet.from_params(prob.params), []
    recording.wrap_loss(net, calls)
    with rng_kept():
        np.random.seed(prob.seed)
        stats = net.train(prob.X.copy(), prob.y.copy(), prob.X_val.copy(), prob.y_val.copy(), **prob.kwargs)
    return {k: np.asarray(v, np.float64) for k, v in stats.items()}, net.params, [(c["X"], c["y"]) for c in calls]


def outcome(obs, prob):
    """The main run against the oracle's after the same seed: (every history and the final params
    right, the final params right, the oracle's histories, its minibatches)."""
    stats, params, batches = oracle_run(prob)
    final = obs.params("trace/final")
    histories_right = all(obs.get(f"trace/{k}") is not None and obs.get(f"trace/{k}").shape == v.shape
                          and np.allclose(obs.get(f"trace/{k}"), v, rtol=1e-10, atol=1e-12) for k, v in stats.items())
    final_right = all(k in final and final[k].shape == params[k].shape
                      and np.allclose(final[k], params[k], rtol=1e-10, atol=1e-12) for k in params)
    return histories_right and final_right, final_right, stats, batches


def unobserved_run(obs, prob, boundaries, judged):
    """A run whose steps are not seen (no call of ``self.loss`` or of a stepping function, and no
    run of plain steps rebuilds it: ``replay``): judged by its outcome against the oracle's run after
    the same seed. Its final params the oracle's: the steps are right, what it records is not; its
    first recorded loss, taken before any update, not the loss of the oracle's first minibatch, and
    its final params others: the minibatches differ; else the loop, not located further. ``judged``:
    the run's ``outcome``."""
    kw = prob.kwargs
    same, final_right, stats, _ = judged
    what = "the run's outcome (train never called self.loss: no step is seen)"
    if same:
        checks = {n: Check(n, True, 0, 0, what, part=RUN_PARTS[n]) for n in NAMES}
        return training_runs.Run(prob, checks, boundaries, None, list(boundaries), [tuple(boundaries)],
                                 float(kw["learning_rate"]))
    losses = obs.get("trace/loss_history")
    first_loss = losses[0] if losses is not None and len(losses) else None
    seen = ("train never called self.loss, so its steps cannot be seen, and its histories or final params differ "
            "from the notebook's run after the same np.random.seed")
    part = "training_update"
    if final_right:
        part, seen = "training_histories", (f"{seen}: its final params are that run's, so its steps are, and what it "
                                            "records is not")
    elif first_loss is not None and not np.isclose(first_loss, stats["loss_history"][0], rtol=1e-10, atol=1e-12):
        part, seen = "training_sampling", (f"{seen}: its first recorded loss, taken before any update, is not the "
                                           "loss on the first minibatch np.random.choice draws, and it ends elsewhere")
    first = Check(NAMES[0], False, None, None, what, f"{seen}; not a known mistake", part=part)
    why = "not judged: no step of the run is seen (see train_steps)"
    return training_runs.Run(prob, {first.name: first, **{n: Check(n, False, None, None, "training run", why,
                                                                    consequence_of=first.name) for n in NAMES[1:]}},
                             boundaries)


# each training check's part, where a passing run's checks are made without judging a step
RUN_PARTS = {"train_steps": "training_update", "train_sampling": "training_sampling",
             "train_learning_rate": "training_rate", "loss_history": "training_histories",
             "train_acc_history": "training_histories", "val_acc_history": "training_histories"}


def judge_run(obs, prob):
    """The checks of NAMES on one recorded run ({name: Check}; those that cannot be judged say so, a
    consequence) and what the runs are compared by (``training_runs.Run``)."""
    kw = prob.kwargs
    boundaries = problems.epoch_boundaries(len(prob.X), kw["batch_size"], kw["num_iters"])
    calls = obs.meta.get("trace/calls")
    raised = obs.errors.get("trace")
    if calls is None:
        error = raised or "train could not be observed"
        checks = {n: Check(n, False, None, None, "training run", f"your code raised {error}", part=raised_part(error))
                  for n in NAMES}
        return training_runs.Run(prob, checks, boundaries, raised)
    steps = recorded_steps(obs, calls)
    if calls == 0 and not raised:  # no step seen: rebuilt from the outcome, else judged by it
        judged = outcome(obs, prob)
        steps = None if judged[0] else replay.replayed_steps(obs, prob, judged[3])
        if steps is None:
            return unobserved_run(obs, prob, boundaries, judged)
    final = obs.params("trace/final")
    steps, evaluations = evaluations_apart(steps, kw["batch_size"], kw["num_iters"], (len(prob.X), len(prob.X_val)),
                                           final)
    draws = choice_batches(prob)
    first, aligned, reg_decayed = judge_steps(len(steps), [len(s["X"]) for s in steps], [s["reg"] for s in steps],
                                              kw, boundaries, len(prob.X), locate_rows(steps, prob.X), draws)
    stale = first.passed and stale_steps(steps, obs.meta["trace/eps"])
    if stale:
        first = (named(first.name, first.measured, first.tolerance, first.what, *stale) if stale[0] else Check(
            first.name, False, first.measured, first.tolerance, first.what, f"{stale[1]}; not a known mistake",
            part="training_update"))
    if raised:
        first = Check(first.name, False, calls, kw["num_iters"], first.what,
                      f"train raised {raised}; not a known mistake", part=raised_part(raised))
        aligned = False
    if not aligned:
        why = "not judged: the run's steps are not the expected ones (see train_steps)"
        checks = {first.name: first, **{n: Check(n, False, None, None, "training run", why, consequence_of="train_steps")
                                        for n in NAMES[1:]}}
        return training_runs.Run(prob, checks, boundaries, raised)
    inferred = rates.infer_rates(steps, final)
    rate = rates.judge_rates(steps, final, prob, boundaries, obs.meta["trace/eps"], reg_decayed, inferred)
    both = reg_decayed and rate.passed  # reg decayed at the boundaries, and the rate as it should be
    if rate.causes == ["decay_applied_to_reg"] or both:
        first = named(first.name, first.measured, first.tolerance, first.what,
                      "reg_decayed_too" if both else "decay_applied_to_reg", first.diagnosis.split(":")[0])
    if first.causes == ["lr_passed_as_reg"] and rate.causes == ["lr_constant"] and close(
            np.nanmedian(inferred[0], axis=1), kw["reg"]):  # the rate is reg: one mistake, a swap, the rate's
        first, rate = (named(c.name, c.measured, c.tolerance, c.what, "lr_and_reg_swapped", seen_detail(c))
                       for c in (first, rate))
    checks = {c.name: c for c in [first, judge_sampling(steps, prob, draws), rate]
              + histories.judge_histories(obs, steps, final, prob, boundaries, evaluations)}
    used = np.nanmedian(inferred[0], axis=1)
    starts_right = abs(used[0] / kw["learning_rate"] - 1) < 1e-6
    decays = rates.decayed_after(used, kw["learning_rate_decay"]) if starts_right else None
    right = all(checks[n].passed for n in ("train_acc_history", "val_acc_history"))
    records = [tuple(boundaries)] if right else histories.recorded_sets(obs, steps, final, prob)
    histories.epoch_mistake(checks, decays, obs, steps, final, prob, boundaries)
    if rate.causes == ["update_one_iteration_late"]:  # an epoch's accuracies, taken before its late update
        for n in ("train_acc_history", "val_acc_history"):
            if checks[n].causes == ["acc_before_update"]:
                checks[n].consequence_of = rate.name
    changed_inputs(obs, checks)
    return training_runs.Run(prob, checks, boundaries, raised, decays, records, float(used[0]),
                             close(inferred[0], used[:, None]), tuple(float(r) for r in inferred[0][0]))


STALE = "loss reads values the update does not change"  # said by train_steps when it is so


def stale_steps(steps, eps):
    """(cause or None, what was seen) when the first step's loss is the NumPy oracle's at the params
    self.params held before it and a later step's is not: loss reads values the update does not change
    (a layer's own arrays, while the update puts new ones in self.params). ``loss_reads_first_params``
    when every step's loss is the oracle's at the run's first params. None otherwise; ``eps``: the
    run's rounding."""
    def oracle(params, s):  # the notebook's loss (no gradients)
        probs = formulas.softmax(np, formulas.notebook_forward(np, params, s["X"])[2])
        return float(-np.log(probs[np.arange(len(s["y"])), s["y"]]).mean() + s["reg"] * evidence.reg_term(params))

    if len(steps) < 2:
        return None
    try:
        at_own = np.array([oracle(s["params"], s) for s in steps])
    except (TypeError, ValueError, IndexError, KeyError):  # labels or a reg the oracle cannot take
        return None
    losses, rtol = np.array([s["loss"] for s in steps], dtype=np.float64), max(1e-9, 100 * eps)
    with np.errstate(invalid="ignore", over="ignore"):  # a diverging run's inf or NaN is not judged here
        off = np.isfinite(losses) & np.isfinite(at_own) & ~np.isclose(losses, at_own, rtol=rtol, atol=0)
    if not (np.isfinite(losses[0]) and np.isclose(losses[0], at_own[0], rtol=rtol, atol=0)) or not off[1:].any():
        return None
    t = int(np.argmax(off))
    seen = (f"from step {t} on, train's loss calls return other values than loss at the params self.params holds "
            f"(step {t}: {losses[t]:.6g}, at self.params {at_own[t]:.6g}), the first step's right: {STALE}")
    at_first = np.array([oracle(steps[0]["params"], s) for s in steps])
    if np.allclose(losses, at_first, rtol=rtol, atol=0, equal_nan=True):
        return "loss_reads_first_params", seen + ": every step's loss is the loss at the run's first params"
    return None, seen


def changed_inputs(obs, checks):
    """The sampling check when train changed the arrays it was given (the minibatches then come from
    other rows than the caller's): ``train_shuffles_inputs`` when each holds its own rows in another
    order, else ``train_changes_inputs``."""
    changed = obs.meta.get("trace/inputs_changed") or []
    if changed:
        check = checks["train_sampling"]
        shuffled = obs.meta.get("trace/inputs_shuffled")
        checks["train_sampling"] = named(check.name, check.measured, check.tolerance, check.what,
                                         "train_shuffles_inputs" if shuffled else "train_changes_inputs",
                                         f"train changed {joined(changed)} in place"
                                         + (", each its own rows in another order" if shuffled else ""),
                                         joined(changed))


def judge_training(obs):
    """The checks of NAMES, in that order, from the main run and the extra ones
    (``training_runs.merge``)."""
    runs = {prefix: judge_run(run_view(obs, prefix), prob) for prefix, prob in problems.train_problems().items()}
    merged = training_runs.merge(runs)
    renamed_parameters(obs, merged)
    second_call(obs, runs, merged)
    merged["train_learning_rate"] = default_rate(obs, merged["train_learning_rate"])
    merged["train_sampling"] = choice_draws(obs, repeated_draws(obs, merged["train_sampling"]))
    verbose_run(obs, merged)
    return [merged[n] for n in NAMES]


def renamed_parameters(obs, merged):
    """``train_parameters_renamed`` when train raised on a keyword the skeleton's signature has and
    its own lacks (``lr`` for ``learning_rate``, say); the other checks of that run follow from it."""
    names = obs.meta.get("train_parameters") or []
    missing = [n for n in SKELETON_TRAIN if n not in names]
    first = merged["train_steps"]
    if not names or not missing or first.passed or "unexpected keyword argument" not in (first.diagnosis or ""):
        return
    cause = "train_parameters_renamed" if "learning_rate" in missing else "train_parameter_missing"
    merged["train_steps"] = named(first.name, first.measured, first.tolerance, first.what, cause,
                                  f"{first.diagnosis}: train's parameters are ({', '.join(names)}), without "
                                  f"{joined(missing)}", joined(missing))
    for name, check in merged.items():
        if name != "train_steps" and not check.passed and check.diagnosis == first.diagnosis:
            check.consequence_of = "train_steps"


def second_call(obs, runs, merged):
    """The run made as a second train call on the main run's instance, failing where the main run
    passed: its histories holding the first call's entries before its own
    (``histories_kept_between_calls``). Relabels ``merged`` in place."""
    if not runs["trace"].passed:
        return
    for prefix, run in runs.items():
        if run.prob.after != "trace" or run.passed:
            continue
        for key in recording.HISTORY_KEYS:
            first, second, check = obs.get(f"trace/{key}"), obs.get(f"{prefix}/{key}"), merged.get(key)
            if (check is not None and check is run.checks.get(key) and not check.passed and first is not None
                    and second is not None and second.size > first.size > 0
                    and np.array_equal(second[:first.size], first, equal_nan=True)):
                merged[key] = named(key, check.measured, check.tolerance, check.what, "histories_kept_between_calls",
                                    f"a second train call on the same instance returned {key} with the first call's "
                                    f"{first.size} entries before its own")


def verbose_run(obs, merged):
    """The main run made again with verbose=True must record the same histories and end at the same
    params (the progress print is all verbose may change), when the run made again without it does:
    where it does not and the main run's check passed, that check fails; ``verbose_changes_training``
    when only histories differ; ``history_only_when_verbose`` when a failed history is empty without
    verbose and not with it."""
    if problems.VERBOSE_RUN in obs.errors:
        if merged["train_steps"].passed:
            merged["train_steps"] = Check("train_steps", False, None, None, merged["train_steps"].what,
                                          f"with verbose=True, train raised {obs.errors[problems.VERBOSE_RUN]}",
                                          part="training_update")
        return
    quiet, again = obs.params("trace/final"), obs.params(f"{problems.REPEAT_RUN}/final")
    talking = obs.params(f"{problems.VERBOSE_RUN}/final")
    if not quiet or not talking or not again or any(not np.array_equal(quiet[k], again.get(k)) for k in quiet):
        return  # a run made again is not the same run: verbose's runs show nothing
    moved = [k for k in quiet if k in talking and not np.array_equal(quiet[k], talking[k])]
    first = obs.params("trace/0/params") if obs.meta.get("trace/calls") else None
    if sorted(moved) == sorted(quiet) and first and all(np.array_equal(first[k], quiet[k]) for k in quiet):
        rate = merged["train_learning_rate"]  # no param moved without verbose, every one with it
        merged["train_learning_rate"] = named(rate.name, rate.measured, rate.tolerance, rate.what,
                                              "update_only_when_verbose", "no param changed with verbose=False, "
                                              f"and {joined(moved)} did with verbose=True, after the same seed")
        return
    if moved and not merged["train_learning_rate"].passed:
        return  # a wrong rate is the finding already: what verbose changes is its rates (a decay under the print's test)
    if moved and merged["train_steps"].passed:
        merged.update(verbose_difference(obs, merged) or {"train_steps": Check(
            "train_steps", False, 1.0, 0.0, merged["train_steps"].what, f"with verbose=True, train ended at other "
            f"params ({joined(moved)}) than with verbose=False, after the same seed; not a known mistake",
            part="training_update")})
        return
    for key in recording.HISTORY_KEYS:
        a, b = obs.get(f"trace/{key}"), obs.get(f"{problems.VERBOSE_RUN}/{key}")
        check = merged.get(key)
        if a is not None and b is not None and check is not None and not check.passed and a.size == 0 < b.size:
            merged[key] = named(key, check.measured, check.tolerance, check.what, "history_only_when_verbose",
                                f"{key} is empty with verbose=False and holds {b.size} entries with verbose=True, "
                                "after the same seed")
            continue
        if a is None or b is None or check is None or not check.passed or (a.shape == b.shape and np.array_equal(
                a, b, equal_nan=True)):
            continue
        rows = np.flatnonzero(a != b) if a.shape == b.shape else []
        where = (f"at entries {joined([str(i) for i in rows[:4]])}" if len(rows)
                 else f"in length ({b.size}, not {a.size})")
        merged[key] = named(key, 1.0, 0.0, check.what, "verbose_changes_training", f"with verbose=True, train "
                            f"recorded another {key} {where} than with verbose=False, after the same seed",
                            f"records another {key}")


def verbose_difference(obs, merged):
    """{name: Check} of what the verbose run did otherwise than the main run, when that is its
    minibatches (the progress print drawing random numbers) or its rates (a decay or a rate under
    the print's test), located, not named; else None."""
    prob = problems.train_problem()
    talking = dataclasses.replace(prob, kwargs={**prob.kwargs, "verbose": True})
    quiet, loud = run_rows(obs, "trace", prob), run_rows(obs, problems.VERBOSE_RUN, talking)
    if quiet is None or loud is None:
        return None
    other = next((t for t, (a, b) in enumerate(zip(quiet, loud)) if not np.array_equal(a, b)), None)
    if other is not None:
        check = merged["train_sampling"]
        return {check.name: Check(check.name, False, check.measured, check.tolerance, check.what,
                                  f"with verbose=True, train drew other minibatches than with verbose=False after the "
                                  f"same seed, from iteration {other} on (the progress print drawing random numbers?)"
                                  "; not a known mistake", part="training_sampling")}
    rate = judge_run(run_view(obs, problems.VERBOSE_RUN), talking).checks["train_learning_rate"]
    if rate.passed or rate.consequence_of:
        return None
    return {rate.name: Check(rate.name, False, rate.measured, rate.tolerance, rate.what,
                             f"with verbose=True: {seen_detail(rate)}; with verbose=False the rates are the "
                             "schedule's; not a known mistake", part=rate.part)}


def repeated_draws(obs, check):
    """The sampling check, or, when it passed: ``batch_rng_not_seeded`` when the main run made again
    after the same ``np.random.seed`` drew other minibatches (fresh draws of the right kind from a
    source that seed does not set); ``batch_rng_reseeded`` when the run made after another seed drew
    the same ones (train seeds NumPy's generator itself)."""
    if not check.passed:
        return check
    prob = problems.train_problem()
    rows = {}
    for prefix in ("trace", problems.REPEAT_RUN, problems.RESEEDED_RUN):
        view, calls = run_view(obs, prefix), obs.meta.get(f"{prefix}/calls")
        if calls and prefix not in obs.errors:
            rows[prefix] = locate_rows(recorded_steps(view, calls), prob.X)
    if "trace" not in rows:
        return check
    def differ(prefix):
        return [t for t, (a, b) in enumerate(zip(rows["trace"], rows[prefix])) if not np.array_equal(a, b)]
    again = differ(problems.REPEAT_RUN) if problems.REPEAT_RUN in rows else []
    if again:
        text = (f"train made twice after np.random.seed({prob.seed}) drew other minibatches at {len(again)} of "
                f"{len(rows['trace'])} iterations (the first at iteration {again[0]})")
        return named(check.name, check.measured, check.tolerance, check.what, "batch_rng_not_seeded", text)
    if problems.RESEEDED_RUN in rows and len(rows[problems.RESEEDED_RUN]) == len(rows["trace"]) and not differ(
            problems.RESEEDED_RUN):
        text = (f"train made after np.random.seed({prob.seed + 1}) drew the same minibatches as after "
                f"np.random.seed({prob.seed})")
        return named(check.name, check.measured, check.tolerance, check.what, "batch_rng_reseeded", text)
    return check


def run_rows(obs, prefix, prob):
    """Each step's rows located in X, of the run recorded under ``prefix`` (the loss calls that are
    not the step's set apart); None when no step was seen."""
    view, calls = run_view(obs, prefix), obs.meta.get(f"{prefix}/calls")
    if not calls or prefix in obs.errors:
        return None
    steps, _ = evaluations_apart(recorded_steps(view, calls), prob.kwargs["batch_size"], prob.kwargs["num_iters"],
                                 (len(prob.X), len(prob.X_val)), view.params("trace/final"))
    return locate_rows(steps, prob.X)


def choice_draws(obs, check):
    """The sampling check, or, when it passed while the main run's minibatches are not the rows that
    ``np.random.choice(num_train, batch_size)`` draws after its seed (fresh draws of another stream:
    drawn up front in another order, from another formula), a failed check, not named."""
    prob = problems.train_problem()
    rows = run_rows(obs, "trace", prob) if check.passed else None
    if rows is None:
        return check
    draws = choice_batches(prob)
    first = next((t for t, (a, b) in enumerate(zip(rows, draws)) if not np.array_equal(a, b)), None)
    if first is None:
        return check
    return Check(check.name, False, check.measured, check.tolerance, check.what,
                 f"the minibatches are not those np.random.choice(num_train, batch_size) draws after "
                 f"np.random.seed({prob.seed}), from iteration {first} on (rows {rows[first][:4].tolist()}..., "
                 f"np.random.choice's {draws[first][:4].tolist()}...): draw each one with np.random.choice at its "
                 "iteration, as the notebook asks; not a known mistake", part="training_sampling")


def default_rate(obs, check):
    """The rate check, or, when every run's rate is right (every run passes the rates by keyword, so
    only train's signature shows these): ``lr_default_wrong`` when its default learning_rate is not
    the skeleton's, ``decay_default_wrong`` its learning_rate_decay, ``batch_size_default_wrong`` its
    batch_size, ``train_default_wrong`` another; ``train_parameters_reordered`` when the skeleton's
    parameters come in another order (a positional call then gives one the other's value)."""
    if not check.passed:
        return check
    names = obs.meta.get("train_parameters") or []
    order = [n for n in names if n in SKELETON_TRAIN]
    if len(order) == len(SKELETON_TRAIN) and order != list(SKELETON_TRAIN):
        moved = [n for n, want in zip(order, SKELETON_TRAIN) if n != want]
        text = f"train's parameters are ({', '.join(order)}); the skeleton's are ({', '.join(SKELETON_TRAIN)})"
        return named(check.name, check.measured, check.tolerance, check.what, "train_parameters_reordered", text,
                     joined(moved))
    defaults = obs.meta.get("train_defaults", {})
    wrong = {k: defaults[k] for k, want in SKELETON_DEFAULTS.items() if k in defaults and defaults[k] != want}
    for cause, keys in DEFAULT_CAUSES:
        if any(k in wrong for k in keys):
            said = joined([f"{k}={wrong[k]!r}" if isinstance(wrong[k], bool) else f"{k}={wrong[k]:g}"
                           for k in keys if k in wrong])
            text = f"train's signature has {said} as its default"
            fill = f"{wrong['learning_rate']:g}" if cause == "lr_default_wrong" else said
            return named(check.name, check.measured, check.tolerance, check.what, cause, text, fill)
    return check


# train's keyword defaults and parameters in the course's skeleton, read from the reference's signature
SKELETON_DEFAULTS = recording.keyword_defaults(TwoLayerNet, "train")
SKELETON_TRAIN = tuple(recording.parameter_names(TwoLayerNet))
# each default's cause
DEFAULT_CAUSES = (("lr_default_wrong", ("learning_rate",)), ("decay_default_wrong", ("learning_rate_decay",)),
                  ("batch_size_default_wrong", ("batch_size",)),
                  ("train_default_wrong", ("reg", "num_iters", "verbose")))
