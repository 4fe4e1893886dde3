"""The training runs judged together (NumPy): the main run (40 rows in batches of 8, a whole number of
batches per epoch) and the extra ones of ``problems.extra_train_problems`` (an epoch that is not a
whole number of batches; a batch larger than the training set; a large batch at a large rate), each
judged alone by ``training_checks.judge_run``, then merged into one check per name.

The main run says most; an extra run is read when the main one is right. The length of an epoch is
judged across every run at once: the once-per-epoch block (the accuracies recorded, the rate decayed)
of each run is compared with the iterations that ``it % iterations_per_epoch == 0`` picks when
iterations_per_epoch is computed by another formula a student writes (``EPOCH_LENGTHS``); one is
named only when it reproduces every run and no other formula does.
"""

import math
from dataclasses import dataclass, field

import numpy as np

from reference.checker import mistakes, problems, rates
from reference.checker.report import Check
from reference.checker.training_record import RATE_TOL, iterations_text, named, seen_detail

# How a student computes iterations_per_epoch instead of max(num_train // batch_size, 1), in words,
# as a function of (num_train, batch_size).
EPOCH_LENGTHS = (
    ("num_train / batch_size (true division: a float)", lambda n, b: n / b),
    ("max(num_train / batch_size, 1) (true division: a float)", lambda n, b: max(n / b, 1)),
    ("num_train / batch_size rounded up (math.ceil), or to the nearest and at least 1", lambda n, b: math.ceil(n / b)),
    ("round(num_train / batch_size): 0 when batch_size > 2 num_train", lambda n, b: round(n / b)),
    ("num_train // batch_size (or int(num_train / batch_size)) without max(..., 1): 0 when batch_size > num_train", lambda n, b: n // b),
    ("num_train // batch_size + 1", lambda n, b: n // b + 1),
    ("num_train (the examples, not the iterations, of an epoch)", lambda n, b: n),
    ("batch_size", lambda n, b: b),
)


@dataclass
class Run:
    """One run's checks ({name: Check}), the iterations the notebook's loop decays and records after,
    the error train raised (or None), the iterations after which the rate was multiplied by the decay
    factor (None: it changed otherwise, or was not judged), the sets of iterations after which
    both accuracy histories could have been recorded, the rate of the first step (NaN: not judged),
    whether every param took the same rate at each step, and each param's rate at the first step."""
    prob: object
    checks: dict
    boundaries: list
    raised: str = None
    decays: list = None
    records: list = field(default_factory=list)
    first_rate: float = math.nan
    one_rate: bool = True
    first_rates: tuple = ()

    @property
    def passed(self):
        return all(c.passed for c in self.checks.values())


def epoch_iterations(length, num_iters):
    """The iterations where ``it % length == 0``; None when that raises (a length of 0)."""
    if length == 0:
        return None
    return tuple(it for it in range(num_iters) if it % length == 0)


def shown(run, its):
    """The iterations of ``its`` after which a decay shows in a run (one after its last step does not)."""
    return [t for t in its if t < run.prob.kwargs["num_iters"] - 1]


def follows(run, its):
    """Whether a run is what the once-per-epoch block at iterations ``its`` does (None: ``it % 0``
    raised), with the rest of the loop right."""
    if its is None:
        return bool(run.raised) and run.raised.startswith("ZeroDivisionError")
    if run.raised:
        return False
    if list(its) == list(run.boundaries):
        return run.passed
    rest_right = all(run.checks[n].passed for n in ("train_steps", "train_sampling", "loss_history"))
    return rest_right and run.decays == shown(run, its) and tuple(its) in run.records


def decays_follow(run, its):
    """Whether a run's rate decays after iterations ``its`` (an epoch test of its own for the decay),
    one rate for every param at each step, with the rest of the loop right, its accuracies recorded at
    the right iterations included (a run whose epochs those are: every check passed)."""
    if its is None or run.raised or not run.one_rate:
        return False
    if list(its) == list(run.boundaries):
        return run.passed
    rest_right = all(run.checks[n].passed for n in ("train_steps", "train_sampling", "loss_history",
                                                    "train_acc_history", "val_acc_history"))
    return rest_right and run.decays == shown(run, its)


def epoch_length(runs, agrees=follows):
    """(formula in words, {prefix: its}) of the one formula of EPOCH_LENGTHS whose epoch test
    reproduces every run (``agrees``: the whole once-per-epoch block, or ``decays_follow``: the decay
    alone), when some run is wrong; else None."""
    if all(r.passed for r in runs.values()):
        return None
    found = []
    for words, formula in EPOCH_LENGTHS:
        its = {p: epoch_iterations(formula(len(r.prob.X), r.prob.kwargs["batch_size"]), r.prob.kwargs["num_iters"])
               for p, r in runs.items()}
        if all(agrees(r, its[p]) for p, r in runs.items()):
            found.append((words, its))
    return found[0] if len(found) == 1 else None


def epoch_text(words, its, runs, block="the accuracies were recorded and the rate decayed"):
    """'iterations_per_epoch = ...: on 40 rows in batches of 15, after iteration 0 instead of ...'."""
    seen = []
    for p, run in runs.items():
        if its[p] is None:
            seen.append(f"on {problems.describe_run(run.prob)}, it % iterations_per_epoch raised {run.raised}")
        elif list(its[p]) != list(run.boundaries):
            seen.append(f"on {problems.describe_run(run.prob)}, {block} after {iterations_text(its[p])} instead of "
                        f"{iterations_text(run.boundaries)}")
    return f"iterations_per_epoch = {words}: " + "; ".join(seen)


def epoch_length_checks(runs, words, its, decay_only=False):
    """The merged checks when a wrong epoch length explains every run: each failing check, from the
    first run where it fails, named ``epoch_length_wrong`` (``decay_only``: the length of the decay's
    own epoch test, the accuracies' right: ``lr_decayed_at_wrong_iterations``); the checks not judged
    stay consequences."""
    if decay_only:
        cause = "lr_decayed_at_wrong_iterations"
        text = f"the decay's own epoch test (the accuracies' is right), {epoch_text(words, its, runs, 'the rate decayed')}"
    else:
        cause, text = "epoch_length_wrong", epoch_text(words, its, runs)
    merged = {}
    for name, check in next(iter(runs.values())).checks.items():
        failing = next((r.checks[name] for r in runs.values() if not r.checks[name].passed), check)
        if failing.passed or failing.consequence_of:
            merged[name] = failing
        else:
            merged[name] = named(name, failing.measured, failing.tolerance, failing.what, cause, text)
    return merged


def on_run(check, prob):
    """A failing check of an extra run, its detail saying which run."""
    check.diagnosis = f"on {problems.describe_run(prob)}: {check.diagnosis}" if check.diagnosis else check.diagnosis
    return check


def merge(runs):
    """{name: Check} of every run ({prefix: Run}, the main run first): a wrong epoch length when one
    explains every run; else the main run's checks when one fails there; else the first extra run
    that fails, its failing checks in place of the main run's (their detail says which run)."""
    found = epoch_length(runs)
    if found:
        return epoch_length_checks(runs, *found)
    found = epoch_length(runs, decays_follow)
    if found and any(len(shown(r, found[1][p])) > 1 for p, r in runs.items()):
        # (a decay after iteration 0 alone in every run is lr_decayed_once's, whatever the test)
        return epoch_length_checks(runs, *found, decay_only=True)
    main, *extra = runs.values()
    if not main.passed:
        return dict(main.checks, train_learning_rate=rate_across(main, extra))
    for run in extra:
        if not run.passed:
            merged = {n: main.checks[n] if c.passed else on_run(c, run.prob) for n, c in run.checks.items()}
            rate = second_call_rate(main, run, merged["train_learning_rate"])
            return dict(merged, train_learning_rate=unless_contradicted(rate, [main, *extra]),
                        train_steps=count_unless_contradicted(merged["train_steps"], main))
    return main.checks


# The rate's causes an extra run may show while the main run's rates are right: a second call's (the
# main run makes the first). The rate's others change every run's rates, as an update repeated every
# iteration does; the schedules an epoch's length changes are judged below, and the update's others
# (clipping) by the gradients a run has.
SECOND_CALL = ("lr_kept_between_calls", "decay_kept_between_calls")
EVERY_STEP_UPDATE = ("update_repeated", "update_repeated_for_param", "update_grad_normalised", "gradients_accumulated",
                     "update_wrong_param")


def count_unless_contradicted(check, main):
    """The steps check of an extra run (the main run passed, so it made every iteration) as it is, or
    without ``iteration_count_off_by_one``: a loop's bound off by one would be off there too."""
    if check.causes[:1] != ["iteration_count_off_by_one"]:
        return check
    return Check(check.name, False, check.measured, check.tolerance, check.what, f"{seen_detail(check)}; on "
                 f"{problems.describe_run(main.prob)} the count is right, which that would change; not a known "
                 "mistake", part=check.part)


def unless_contradicted(check, runs):
    """The rate check of an extra run as it is, or without its named cause when that cause would have
    shown on a run whose rates are right (a passing run: the main one, whose epochs are whole numbers
    of batches): a cause is named only when it agrees with every passing check."""
    cause = check.causes[0] if check.causes else None
    if not cause:
        return check
    for run in (r for r in runs if r.checks["train_learning_rate"].passed):
        kw = run.prob.kwargs
        right, wrong = rates.schedules(kw["learning_rate"], kw["learning_rate_decay"], run.boundaries,
                                       kw["num_iters"])
        forms = [v for k, v in wrong.items() if k.split(":")[0] == cause]
        every_step = cause not in SECOND_CALL and (mistakes.BY_ID[cause].part == "training_rate"
                                                   or cause in EVERY_STEP_UPDATE)
        if every_step or (forms and not any(np.allclose(v, right, rtol=RATE_TOL, atol=0) for v in forms)):
            return Check(check.name, False, check.measured, check.tolerance, check.what,
                         f"{seen_detail(check)}; on {problems.describe_run(run.prob)} the rates are the schedule's, "
                         "which that would change; not a known mistake", part=check.part)
    return check


def second_call_rate(main, run, check):
    """A run on the main run's instance again (a second train call), right but for its rate, whose
    first rate is the rate the main run ended with (its learning_rate decayed at each boundary), or
    its own learning_rate times the decay the main run ended with (``decay_kept_between_calls``):
    ``lr_kept_between_calls``. Else the check as it is."""
    decayed = main.prob.kwargs["learning_rate_decay"] ** len(main.boundaries)
    carried, lr = main.prob.kwargs["learning_rate"] * decayed, run.prob.kwargs["learning_rate"]
    if check.passed or not run.prob.after:
        return check
    if math.isclose(run.first_rate, carried, rel_tol=RATE_TOL):
        how, cause = "the rate the first call ended with", "lr_kept_between_calls"
    elif math.isclose(run.first_rate, lr * decayed, rel_tol=RATE_TOL):
        how = f"its learning_rate times the decay the first call ended with ({decayed:.4g})"
        cause = "decay_kept_between_calls"
    else:
        return check
    text = (f"a second train call on the same instance, with learning_rate={lr:g}, took its first step at "
            f"{run.first_rate:.4g}, {how}")
    return named(check.name, check.measured, check.tolerance, check.what, cause, text)


def fixed_rate_words(c, runs):
    """lr_fixed's detail for a first rate c in every run (``runs``: their train keywords), with what else
    gives the same: a cap min(learning_rate, c) when none asked for less, learning_rate_decay taken as
    the rate when every run's decay is c."""
    decays = {kw["learning_rate_decay"] for kw in runs}
    decay = (f", or learning_rate_decay ({c:.4g} in every run) taken as the learning rate"
             if len(decays) == 1 and math.isclose(c, decays.pop(), rel_tol=RATE_TOL) else "")
    if all(kw["learning_rate"] >= c * (1 - RATE_TOL) for kw in runs):
        return (f"{c:.4g} at the first step of every run, each given a larger learning_rate: a constant, or a cap "
                f"min(learning_rate, {c:.4g}){decay}")
    return f"{c:.4g} at the first step, whatever learning_rate is given{decay}"


# The rate's causes of some params apart from the others, each a multiple of learning_rate per param.
PER_PARAM = (["lr_multiplier_per_param"], ["update_repeated_for_param"], ["lr_undecayed_for_params"])


def per_param_across(check, main, other):
    """A rate of some params' own as the main run shows it (a multiplier, one param's update repeated,
    the undecayed rate), kept when the run at another learning rate shows each param's first rate at
    the same multiple of its learning_rate, or shows no param's rate; else no known mistake (a rate of
    their own fixed in the code, say)."""
    lr, lr_other = main.prob.kwargs["learning_rate"], other.prob.kwargs["learning_rate"]
    pairs = [(a, b) for a, b in zip(main.first_rates, other.first_rates) if math.isfinite(a) and math.isfinite(b)]
    if not pairs or all(math.isclose(a / lr, b / lr_other, rel_tol=RATE_TOL) for a, b in pairs):
        return check
    rates_there = ", ".join(f"{k} {r:.4g}" for k, r in zip(problems.PARAM_NAMES, other.first_rates))
    return Check(check.name, False, check.measured, check.tolerance, check.what, f"{seen_detail(check)}; on "
                 f"{problems.describe_run(other.prob)} with learning_rate={lr_other:g} the first step's rates were "
                 f"{rates_there}, not the same multiples; not a known mistake", part="training_rate")


def rate_across(main, extra):
    """The main run's learning-rate check, with a constant multiple of the schedule (``lr_scaled``, or
    ``update_repeated`` for a whole multiple, or ``lr_applied_twice`` for learning_rate itself, kept
    where the other run's first rate is its learning_rate squared) told apart by a run at another
    learning rate: the same first rate there is a rate fixed in the code (``lr_fixed``); the same
    multiple keeps its cause (``per_param_across`` for the rates of some params apart);
    learning_rate * num_train / batch_size, or learning_rate / iterations_per_epoch, as the first rate
    of every run (none raising) is ``lr_times_batches_per_epoch`` or ``lr_over_epoch_length``; anything
    else is no known mistake. No param moving (``param_not_updated``) where they move in another run is
    a rate of 0 at the main run's settings: the rate's mistake, not the update's;
    ``lr_truncated_to_integer`` when every run's first rate is its learning_rate truncated to an
    integer."""
    check = main.checks["train_learning_rate"]
    moved = next((r for r in extra if math.isfinite(r.first_rate) and r.first_rate > 0), None)
    if check.causes == ["param_not_updated"] and main.first_rate == 0 and moved is not None:
        runs = [r for r in (main, *extra) if math.isfinite(r.first_rate)]
        if all(math.isclose(r.first_rate, math.trunc(r.prob.kwargs["learning_rate"]), rel_tol=RATE_TOL, abs_tol=1e-12)
               for r in runs):  # 0.9 -> 0, 2.5 -> 2
            return named(check.name, check.measured, check.tolerance, check.what, "lr_truncated_to_integer",
                         "the first step's rate was " + ", ".join(f"{r.first_rate:g} for learning_rate="
                                                                  f"{r.prob.kwargs['learning_rate']:g}" for r in runs))
        return Check(check.name, False, check.measured, check.tolerance, check.what,
                     f"{seen_detail(check)}; on {problems.describe_run(moved.prob)} with learning_rate="
                     f"{moved.prob.kwargs['learning_rate']:g} the first step's rate was {moved.first_rate:.4g}: the "
                     "update is applied, at a rate of 0 here; not a known mistake", part="training_rate")
    other = next((r for r in extra if r.prob.kwargs["learning_rate"] != main.prob.kwargs["learning_rate"]
                  and math.isfinite(r.first_rate)), None)
    if other is not None and check.causes in PER_PARAM:
        return per_param_across(check, main, other)
    twice = other is not None and check.causes == ["lr_applied_twice"]
    if twice and math.isclose(other.first_rate, other.prob.kwargs["learning_rate"] ** 2, rel_tol=RATE_TOL):
        return check  # learning_rate squared at the other rate too
    if not twice and (check.causes not in (["lr_scaled"], ["update_repeated"]) or other is None):
        return check
    seen = seen_detail(check)
    lr, lr_other = main.prob.kwargs["learning_rate"], other.prob.kwargs["learning_rate"]
    there = (f"; on {problems.describe_run(other.prob)} with learning_rate={lr_other:g}, the first step's rate "
             f"was {other.first_rate:.4g}")
    if math.isclose(other.first_rate, main.first_rate, rel_tol=RATE_TOL):
        return named(check.name, check.measured, check.tolerance, check.what, "lr_fixed", seen + there,
                     fixed_rate_words(main.first_rate, [r.prob.kwargs for r in (main, other)]))
    if math.isclose(other.first_rate / lr_other, main.first_rate / lr, rel_tol=RATE_TOL):
        cause, fill = rates.scaled_cause(main.first_rate / lr)
        return named(check.name, check.measured, check.tolerance, check.what, cause, seen + there, fill)
    for cause, factor, words in (("lr_times_batches_per_epoch", lambda n, b: n / b, "num_train / batch_size"),
                                 ("lr_over_epoch_length", lambda n, b: 1 / problems.iterations_per_epoch(n, b),
                                  "1 / iterations_per_epoch")):
        if all(not r.raised and math.isclose(r.first_rate, r.prob.kwargs["learning_rate"] * factor(
                len(r.prob.X), r.prob.kwargs["batch_size"]), rel_tol=RATE_TOL) for r in (main, *extra)):
            return named(check.name, check.measured, check.tolerance, check.what, cause,
                         f"{seen}{there}: learning_rate * {words} in every run")
    per_row = [r.first_rate / r.prob.kwargs["learning_rate"] / r.prob.kwargs["batch_size"] for r in (main, other)]
    if main.prob.kwargs["batch_size"] != other.prob.kwargs["batch_size"] and per_row[0] > 0 and math.isclose(
            *per_row, rel_tol=RATE_TOL):
        return named(check.name, check.measured, check.tolerance, check.what, "lr_scaled_by_batch_size",
                     f"{seen}{there}: learning_rate * batch_size / {1 / per_row[0]:.4g} on both",
                     f"{1 / per_row[0]:.4g}")
    return Check(check.name, False, check.measured, check.tolerance, check.what, seen + there +
                 "; not a known mistake", part="training_rate")
