"""The training checks' internals, called directly on small hand-built inputs: the rates inferred
from each step, the error measured beyond the params' rounding, the warm-up read off the first rate,
the comparison helper, NumPy's generator kept, the epoch formulas matched against each run, the words
of a wrong default, the verbose run's failure, and a second train call's histories.

Expected values are worked out here from the docstrings' definitions, never read from the code.
"""

import sys
from types import SimpleNamespace

import numpy as np
import pytest

from reference.checker import mistakes, problems, rates, training_checks, training_record, training_runs
from reference.checker.report import Check
from tests.checker_impls.bugs import buggy_source
from tests.checker_impls.inprocess import checked

NAMES = ("W1", "b1", "W2", "b2")


def small_params(rng):
    return {"W1": rng.standard_normal((3, 2)), "b1": rng.standard_normal(2),
            "W2": rng.standard_normal((2, 3)), "b2": rng.standard_normal(3)}


def sgd_steps(lrs, seed=0):
    """(steps, final): plain SGD steps P_{t+1} = P_t - lr_t g_t from random params and gradients."""
    rng = np.random.default_rng(seed)
    params, steps = small_params(rng), []
    for lr in lrs:
        grads = {k: rng.standard_normal(v.shape) for k, v in params.items()}
        steps.append({"params": params, "grads": grads})
        params = {k: params[k] - lr * grads[k] for k in params}
    return steps, params


def passing(name):
    return Check(name, True, 0, 0, "hand-built")


def failing(name):
    return Check(name, False, 1, 0, "hand-built", "wrong")


# --- training_record ---

def test_update_fit_infers_a_float64_rate_from_float32_gradients():
    """A float32 gradient's rate is -<delta, g> / <g, g> in float64: its step of 0.1 reads as 0.1
    (to float64's precision), not as 0.1 rounded to float32 (0.10000000149...)."""
    g = np.array([1.0, 2.0, -3.0, 0.5], dtype=np.float32)  # <g, g> = 14.25, exact in float32
    before = {k: np.zeros(4) for k in NAMES}
    after = {k: -0.1 * g.astype(np.float64) for k in NAMES}
    rates_, residuals = training_record.update_fit({"params": before, "grads": {k: g for k in NAMES}}, after)
    assert np.all(np.abs(rates_ - 0.1) <= 1e-14)
    assert abs(float(np.float32(0.1)) - 0.1) > 1e-9  # what float32 rounding would have given is far off
    assert np.all(residuals <= 1e-12)


def test_rng_kept_restores_numpys_global_generator():
    """Whatever the block does to NumPy's global generator (seeding it, drawing), the draws after it
    are those the generator would have made had the block not run."""
    outer = np.random.get_state()  # this test's own seeding undone, for the tests after it
    try:
        np.random.seed(123)
        expected = np.random.random(5)
        np.random.seed(123)
        with training_record.rng_kept():
            np.random.seed(7)
            np.random.random(3)
        assert np.array_equal(np.random.random(5), expected)
    finally:
        np.random.set_state(outer)


def test_close_compares_in_the_shape_of_its_first_argument():
    """close broadcasts b to a's shape: one value is not silently compared against several (a b that
    cannot take a's shape is an error), while a column does broadcast across a's params."""
    with pytest.raises(ValueError):
        training_record.close(np.array([0.3]), np.array([0.3, 0.3]))
    with pytest.raises(ValueError):
        training_record.close(0.3, [0.3, 0.15])
    assert training_record.close(np.full((3, 4), 0.2), np.full((3, 1), 0.2))
    assert not training_record.close(np.full((3, 4), 0.2), np.array([[0.2], [0.2], [0.3]]))


# --- rates ---

def test_rates_within_the_params_rounding_measure_zero_error():
    """The rate check's measure is the relative error beyond the params' rounding, clipped at 0: exact
    SGD steps (their rates off by ~1e-16, well under eps ||P|| / ||step||) measure exactly 0, never a
    negative error."""
    lr0, decay = 1e-3, 0.5
    boundaries, T = [0, 2], 4
    lrs = [lr0, lr0 * decay, lr0 * decay, lr0 * decay ** 2]  # decayed after the updates at 0 and 2
    steps, final = sgd_steps(lrs)
    prob = SimpleNamespace(kwargs={"learning_rate": lr0, "learning_rate_decay": decay, "reg": 0.0,
                                   "batch_size": 2, "num_iters": T})
    eps = np.finfo(np.float64).eps
    # the rounding each rate may carry is far above a float64 step's error (here >= ~1e-13)
    smallest = min(eps * np.linalg.norm(s["params"][k]) / np.linalg.norm(a[k] - s["params"][k])
                   for s, a in zip(steps, [s["params"] for s in steps[1:]] + [final]) for k in NAMES)
    assert smallest > 1e-14
    check = rates.judge_rates(steps, final, prob, boundaries, eps)
    assert check.passed and check.measured == 0.0


def test_a_linear_warm_up_is_named_with_its_whole_length():
    """Rates at the schedule's times min(1, (it + 1) / 4): lr_warmup, its length said as the whole
    number 4 (in the detail and the title), not a float."""
    lr0, decay, boundaries, T = 0.1, 0.5, [0, 5], 8
    right = np.array([lr0] + [lr0 * decay] * 5 + [lr0 * decay ** 2] * 2)
    ramp = np.minimum(1.0, (np.arange(T) + 1) / 4)
    used = np.repeat((right * ramp)[:, None], 4, axis=1)
    _, wrong = rates.schedules(lr0, decay, boundaries, T)
    prob = SimpleNamespace(kwargs={"learning_rate": lr0, "learning_rate_decay": decay, "reg": 1e-3,
                                   "batch_size": 2, "num_iters": T})
    check = rates.judge_schedule(used, right, wrong, prob, boundaries, False, 0.5)
    assert check.causes == ["lr_warmup"]
    assert "the schedule times min(1, (it + 1) / 4): this matches" in check.diagnosis
    assert "4.0" not in check.diagnosis


# --- recording ---

def test_a_calls_minibatch_labels_params_and_reg_are_found_among_its_arguments():
    """recording.step_arguments: X is the first 2-D float array of the problem's width whose every row
    is one of its rows (compared in float64), y the integer labels as many, the params a dict holding W1, b1, W2 and b2 (an
    argument's own or its ``.params``), reg the argument so named or the run's; all copied in
    float64. Anything short of that is None."""
    from reference.checker import recording
    rng = np.random.default_rng(5)
    data = rng.standard_normal((6, 3)).astype(np.float32).astype(np.float64)  # float32's values
    rows = {r.tobytes() for r in data}
    X, y = data[[4, 1]].astype(np.float32), np.array([2, 0], dtype=np.uint8)  # a float32 minibatch
    params = {k: rng.standard_normal((2, 2)).astype(np.float32) for k in NAMES}
    stranger = rng.standard_normal((2, 3))  # a 2-D float array of the width, whose rows are not the data's
    net = SimpleNamespace(params=params)

    def found(args, reg=0.1):
        return recording.step_arguments(args, rows, 3, reg)

    step = found({"self": net, "other": stranger, "X": X, "y": y, "reg": 0.25})
    assert set(step) == {"X", "y", "reg", "params"}
    assert step["X"].dtype == np.float64 and np.array_equal(step["X"], X) and step["X"] is not X
    assert np.array_equal(step["y"], y) and step["y"] is not y and step["reg"] == 0.25
    for k in NAMES:
        assert step["params"][k].dtype == np.float64 and np.array_equal(step["params"][k], params[k])
    assert found({"params": params, "X": X, "y": y})["reg"] == 0.1  # a loss function's own params; the run's reg
    X[0, 0] += 1.0  # the copies do not follow the arrays
    assert not np.array_equal(step["X"], X)
    X[0, 0] -= 1.0
    assert found({"self": net, "X": X, "y": y.astype(np.int64)}) is not None
    for args in ({"self": net, "X": X, "y": y.astype(np.float64)},  # labels not integers
                 {"self": net, "X": X, "y": y[:1]},  # not one label a row
                 {"self": net, "X": X, "y": y[None]},  # labels not 1-D
                 {"self": net, "X": X.astype(np.int64), "y": y},  # X not float
                 {"self": net, "X": X[:, :2], "y": y},  # another width
                 {"self": net, "X": X[0], "y": y[:1]},  # not 2-D
                 {"self": net, "X": X + 1e-3, "y": y},  # rows not the data's
                 {"self": SimpleNamespace(params={k: params[k] for k in NAMES[:3]}), "X": X, "y": y},
                 {"self": SimpleNamespace(), "X": X, "y": y},
                 {"X": X, "y": y}):
        assert found(args) is None, args


STEPPER = """
def loss(params, X, y, reg=0.0):
    return 1.5, {k: np.full(v.shape, 0.1, np.float32) for k, v in params.items()}


def step(net, X, y):
    value, grads = loss(net.params, X, y, reg=0.25)
    return value, grads


def other(net, X, y):
    return 2.0
"""


def test_the_step_tracer_records_the_outermost_call_that_takes_a_minibatch_and_returns_loss_and_grads():
    """recording.step_tracer: one step per outermost call of a function of the traced file whose
    arguments hold a float32 minibatch of the problem's rows and its labels and which returns (loss,
    grads): its reg the run's when it takes none, its loss and grads in float64; a step calling loss
    is one step; a call returning something else is none."""
    from reference.checker import recording
    rng = np.random.default_rng(6)
    data = rng.standard_normal((5, 3)).astype(np.float32)
    prob = SimpleNamespace(X=data, kwargs={"reg": 0.5})
    source = "<the traced file>"
    space = {"np": np}
    exec(compile(STEPPER, source, "exec"), space)
    net = SimpleNamespace(params={k: np.ones((2, 2), np.float32) for k in NAMES})
    traced, before = [], sys.gettrace()
    sys.settrace(recording.step_tracer(source, prob, traced))
    try:
        space["step"](net, data[[3, 0]], np.array([1, 2]))
        space["other"](net, data[[1]], np.array([0]))
    finally:
        sys.settrace(before)
    assert len(traced) == 1
    step = traced[0]
    assert step["reg"] == 0.5 and step["loss"] == 1.5 and np.array_equal(step["X"], data[[3, 0]])
    assert all(step["grads"][k].dtype == np.float64 and np.array_equal(step["grads"][k], np.full((2, 2), np.float32(0.1)))
               for k in NAMES)


# --- training_runs ---

def epoch_run(checks_failing=(), decays=(0, 3), records=((0, 3),), one_rate=True, raised=None, rows=40, batch=8):
    """A hand-built Run of 15 iterations whose notebook epochs start at 0, 5, 10; its rate decayed
    after ``decays``, its accuracies recordable at ``records``."""
    prob = SimpleNamespace(X=np.zeros((rows, 2)), kwargs={"batch_size": batch, "num_iters": 15})
    checks = {n: failing(n) if n in checks_failing else passing(n) for n in training_checks.NAMES}
    return training_runs.Run(prob, checks, [0, 5, 10], raised, list(decays), list(records), one_rate=one_rate)


def test_an_epoch_formula_follows_a_run_only_when_the_rest_of_its_loop_is_right():
    """follows: the once-per-epoch block at (0, 3) explains a run whose rate decayed after 0 and 3 and
    whose accuracies were recorded there, only when its steps, sampling and loss history are right."""
    its = (0, 3)
    assert training_runs.follows(epoch_run(["train_learning_rate", "train_acc_history"]), its)
    for broken in ("train_steps", "train_sampling", "loss_history"):
        assert not training_runs.follows(epoch_run([broken, "train_learning_rate"]), its), broken


def test_a_decay_epoch_formula_follows_a_run_only_when_the_rest_of_its_loop_is_right():
    """decays_follow: a decay after (0, 3) explains a run whose rate decayed there, only when its
    steps, sampling and every history (the accuracies included) are right."""
    its = (0, 3)
    assert training_runs.decays_follow(epoch_run(["train_learning_rate"]), its)
    for broken in ("train_steps", "train_sampling", "loss_history", "train_acc_history", "val_acc_history"):
        assert not training_runs.decays_follow(epoch_run([broken, "train_learning_rate"]), its), broken


def test_epoch_text_says_which_run_raised_on_an_epoch_length_of_zero():
    """A formula giving an epoch length of 0 on one run: the text says that run's it %
    iterations_per_epoch raised, and where the other run's block ran instead of its epochs."""
    main = epoch_run(["train_learning_rate"])
    big = epoch_run(["train_steps"], raised="ZeroDivisionError: integer modulo by zero", rows=4, batch=10)
    text = training_runs.epoch_text("n // b", {"trace": (0, 3), "big": None}, {"trace": main, "big": big})
    assert text == ("iterations_per_epoch = n // b: on 40 rows in batches of 8, the accuracies were recorded and "
                    "the rate decayed after iterations 0 and 3 instead of iterations 0, 5 and 10; on 4 rows in "
                    "batches of 10, it % iterations_per_epoch raised ZeroDivisionError: integer modulo by zero")


def test_a_wrong_epoch_length_names_each_failing_check_from_the_first_run_where_it_fails():
    """epoch_length_checks: a check failing in some run keeps that first failing run's measured value,
    tolerance and what, and is named epoch_length_wrong with the formula's words and where each run's
    block ran; a check passing everywhere, or a consequence of another, stays as it is."""
    main = epoch_run(["train_acc_history"])
    big = epoch_run(rows=80)
    rate = Check("train_learning_rate", False, 0.25, 1e-6, "the rates of big", "wrong")
    big.checks["train_learning_rate"] = rate
    follows = Check("val_acc_history", False, 2, 0, "hand-built", "follows", consequence_of="train_acc_history")
    main.checks["val_acc_history"] = follows
    merged = training_runs.epoch_length_checks({"trace": main, "big": big}, "n // b", {"trace": (0, 3), "big": (0, 5, 10)})
    where = ("iterations_per_epoch = n // b: on 40 rows in batches of 8, the accuracies were recorded and the rate "
             "decayed after iterations 0 and 3 instead of iterations 0, 5 and 10")
    got = merged["train_learning_rate"]
    assert (got.passed, got.measured, got.tolerance, got.what) == (False, 0.25, 1e-6, "the rates of big")
    assert got.causes == ["epoch_length_wrong"] and got.diagnosis.startswith(where + ": this matches")
    got = merged["train_acc_history"]
    assert (got.passed, got.measured, got.tolerance, got.what) == (False, 1, 0, "hand-built")
    assert got.causes == ["epoch_length_wrong"]
    assert merged["val_acc_history"] is follows and merged["train_steps"] is main.checks["train_steps"]
    assert list(merged) == list(main.checks)


# --- training_checks ---

def test_wrong_defaults_are_listed_in_words():
    """Several wrong defaults of one cause read 'num_iters=7 and verbose=True' (a number with :g, a
    bool as itself), in the detail and in the title; one wrong learning_rate reads
    'learning_rate=0.5'."""
    rate = passing("train_learning_rate")
    obs = SimpleNamespace(meta={"train_defaults": {"num_iters": 7.0, "verbose": True}})
    check = training_checks.default_rate(obs, rate)
    assert check.causes == ["train_default_wrong"]
    assert check.diagnosis.startswith("train's signature has num_iters=7 and verbose=True as its default: this "
                                      "matches")
    assert "[" not in training_record.named_title(check)
    obs = SimpleNamespace(meta={"train_defaults": {"learning_rate": 0.5}})
    check = training_checks.default_rate(obs, rate)
    assert check.causes == ["lr_default_wrong"]
    assert check.diagnosis.startswith("train's signature has learning_rate=0.5 as its default: this matches")


def test_a_verbose_run_that_raised_fails_the_steps_check():
    """When train raised with verbose=True, a passing train_steps becomes a failed check saying so,
    located in the update."""
    obs = SimpleNamespace(errors={problems.VERBOSE_RUN: "ValueError: boom"}, meta={})
    merged = {"train_steps": passing("train_steps"), "train_learning_rate": passing("train_learning_rate")}
    training_checks.verbose_run(obs, merged)
    check = merged["train_steps"]
    assert isinstance(check, Check) and check.name == "train_steps" and not check.passed
    assert check.diagnosis == "with verbose=True, train raised ValueError: boom"
    assert check.part == "training_update" and check.what == "hand-built"


KEPT = ("        loss_history, train_acc_history, val_acc_history = [], [], []\n",
        "        if not hasattr(self, '_kept'):\n"
        "            self._kept = ([], [], [])\n"
        "        loss_history, train_acc_history, val_acc_history = self._kept  # BUG\n")


def test_a_loss_history_of_every_kth_loss_is_told_by_its_smallest_k():
    """histories.sparse_every: the smallest k >= 2 for which loss_history holds the losses of
    iterations 0, k, 2k, ... (the first alone: k is the run's length); None for another history, a
    full or empty one, or one that is no such slice."""
    from reference.checker import histories
    losses = np.arange(1.0, 11.0)  # a run of 10 iterations
    assert histories.sparse_every("loss_history", losses[::2], losses) == 2
    assert histories.sparse_every("loss_history", losses[::3], losses) == 3
    assert histories.sparse_every("loss_history", losses[:1], losses) == 10
    assert histories.sparse_every("loss_history", losses[1::2], losses) is None
    assert histories.sparse_every("train_acc_history", losses[::2], losses) is None
    for history in (None, losses, losses[:0]):
        assert histories.sparse_every("loss_history", history, losses) is None


def test_histories_kept_on_the_instance_are_named_across_two_calls():
    """Histories kept on the instance: the first call is right, a second call on the same instance
    returns the first call's entries before its own: histories_kept_between_calls."""
    result = checked("histories_kept_on_instance", buggy_source("histories_kept_on_instance", [KEPT]))
    checks = {c.name: c for c in result.checks}
    assert checks["loss_history"].causes == ["histories_kept_between_calls"]
    assert "with the first call's 15 entries before its own" in checks["loss_history"].diagnosis


def test_a_wrong_schedule_is_put_in_the_update_the_rate_or_the_decay():
    """rates.schedule_part on rates (step, param): a step that moved no param (every rate within
    1e-6 of the first scheduled rate, that bound included) is the update's; rates a constant multiple
    of the schedule's, or a first step off learning_rate, are the rate's; else the decay's. A step
    without gradients (NaN) moved; a first step without any takes learning_rate as its rate."""
    right = np.array([1e-3, 5e-4, 5e-4, 2.5e-4])
    ones = np.ones((1, 4))
    still = np.full((4, 4), 1e-3)  # never decayed
    still[2] = 1e-6 * 1e-3
    assert rates.schedule_part(still, right) == "training_update"
    still[2] = 1.5e-9
    assert rates.schedule_part(still, right) == "training_decay"
    still[2] = np.nan
    assert rates.schedule_part(still, right) == "training_decay"
    assert rates.schedule_part(2 * right[:, None] * ones, right) == "training_rate"
    first_off = right[:, None] * ones
    first_off[0] = 0.5 * right[0]
    assert rates.schedule_part(first_off, right) == "training_rate"
    first_off[1] = np.nan  # the first step's own rates, not the next one's
    assert rates.schedule_part(first_off, right) == "training_rate"
    undecayed = np.full((4, 4), 1e-3)
    assert rates.schedule_part(undecayed, right) == "training_decay"
    undecayed[0] = np.nan
    assert rates.schedule_part(undecayed, right) == "training_decay"


# The training keywords judge_schedule reads, for the schedule tests
SCHEDULE_PROBLEM = SimpleNamespace(kwargs={"learning_rate": 0.1, "learning_rate_decay": 0.6, "batch_size": 8,
                                           "reg": 0.01})


def test_a_wrong_schedule_is_named_by_how_its_rates_differ_from_the_notebooks():
    """rates.judge_schedule on rates multiples of the gradient but not the schedule's (learning_rate
    0.1, decay 0.6 after iterations 0 and 3 of 6; 4 params): each kind of difference is named with
    its cause and said with the rates used; the check keeps its measure, tolerance and what."""
    from reference.checker import training_record
    prob = SCHEDULE_PROBLEM
    boundaries = [0, 3]
    right = np.array([0.1, 0.06, 0.06, 0.06, 0.036, 0.036])
    wrong = rates.schedules(0.1, 0.6, boundaries, 6)[1]
    expected = "expected [0.1, 0.06 x3, 0.036 x2]"
    titles = {}

    def schedule_check(per_step, reg_decayed=False):
        check = rates.judge_schedule(np.asarray(per_step, dtype=float)[:, None] * np.ones((1, 4)), right, wrong, prob,
                                     boundaries, reg_decayed, 0.125)
        assert (check.name, check.passed, check.measured, check.tolerance, check.what) == (
            "train_learning_rate", False, 0.125, rates.RATE_EXACT, rates.WHAT)
        return check

    def judged(per_step, reg_decayed=False):
        check = schedule_check(per_step, reg_decayed)
        titles[tuple(check.causes)] = training_record.named_title(check)
        return check.causes, training_record.seen_detail(check)

    def title(cause, fill=""):  # the catalogue's title with the detail filled in
        return mistakes.BY_ID[cause].title.format(detail=fill)

    def unknown(per_step):
        check = schedule_check(per_step)
        assert check.causes == [] and check.diagnosis.endswith("; not a known mistake")
        return check.diagnosis.removesuffix("; not a known mistake"), check.part

    causes, seen = judged(0.36 * right)
    assert causes == ["lr_decayed_before_loop"] and seen.endswith(
        ": learning_rate_decay ** 2 = 0.36 x the schedule at every step")
    assert seen.startswith("the learning rates used were [0.036, 0.0216 x3, 0.01296 x2] (x0.6 after iteration 0, "
                           "x0.6 after iteration 3), " + expected)
    assert titles[("lr_decayed_before_loop",)] == title("lr_decayed_before_loop", "2 times")
    assert judged(0.6 * right)[0] == ["lr_decayed_before_loop"]
    assert titles[("lr_decayed_before_loop",)] == title("lr_decayed_before_loop", "once")
    assert unknown(-2 * right)[0].endswith(": -2 x the schedule at every step, up the gradient")
    assert unknown(-2 * right)[1] == "training_update"
    causes, seen = judged(0.1 * right)
    assert causes == ["lr_applied_twice"] and seen.endswith(": learning_rate x the schedule at every step")
    assert titles[("lr_applied_twice",)] == title("lr_applied_twice", "learning_rate * (the decayed rate)")
    assert judged(right / 8)[0] == ["lr_divided_by_batch_size"]
    assert titles[("lr_divided_by_batch_size",)] == title("lr_divided_by_batch_size")
    assert judged(3 * right)[0] == ["update_repeated"] and titles[("update_repeated",)] == title("update_repeated", "3")
    assert judged(2 * right)[0] == ["update_repeated"] and titles[("update_repeated",)] == title("update_repeated", "2")
    causes, seen = judged(1.7 * right)
    assert causes == ["lr_scaled"] and seen.endswith(": 1.7 x the schedule at every step")
    assert titles[("lr_scaled",)] == title("lr_scaled")
    assert judged(4 * right)[0] == ["lr_scaled"]
    causes, seen = judged(np.full(6, 0.03))
    assert causes == ["lr_constant"] and seen.endswith(": 0.03 at every step")
    assert titles[("lr_constant",)] == title("lr_constant", "0.03")
    assert judged(np.full(6, 0.01))[0] == ["lr_constant"]
    assert titles[("lr_constant",)] == title("lr_constant", "0.01, reg's value too (reg passed as the rate?)")
    assert judged(wrong["lr_never_decayed"])[0] == ["lr_never_decayed"]
    causes, seen = judged(wrong["lr_never_decayed"], reg_decayed=True)
    assert causes == ["decay_applied_to_reg"] and seen.endswith(", and reg was decayed instead")
    causes, seen = judged(right * np.minimum(1, (np.arange(6) + 1) / 3))
    assert causes == ["lr_warmup"] and seen.endswith(": the schedule times min(1, (it + 1) / 3)")
    assert titles[("lr_warmup",)] == title("lr_warmup", "3")
    causes, seen = judged(rates.schedule(0.1, 0.36, lambda it: it in (0, 3), 6))
    assert causes == ["lr_decay_factor_wrong"] and seen.endswith(f"{expected}: x0.36")
    assert titles[("lr_decay_factor_wrong",)] == title("lr_decay_factor_wrong", "learning_rate_decay ** 2 = 0.36 at each epoch")
    causes, seen = judged(rates.schedule(0.1, 0.6, lambda it: it in (0, 2, 4), 6))
    assert causes == ["lr_decayed_at_wrong_iterations"] and seen.endswith(
        ": decayed after the update at iterations 0, 2 and 4, instead of after it at iterations 0 and 3")
    causes, seen = judged(rates.schedule(0.1, 0.6, lambda it: it in (0, 2, 4), 6, before=True))
    assert causes == ["lr_decayed_at_wrong_iterations"] and seen.endswith(
        ": decayed before the update at iterations 0, 2 and 4, instead of after it at iterations 0 and 3")
    seen, part = unknown([0.1, 0.07, 0.02, 0.09, 0.03, 0.05])
    assert seen.endswith(expected) and part == rates.schedule_part(
        np.array([0.1, 0.07, 0.02, 0.09, 0.03, 0.05])[:, None] * np.ones((1, 4)), right)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # NumPy on the unknown rates' NaNs and 0 / 0
def test_a_schedule_off_in_its_corners_is_named_by_the_rates_alone():
    """rates.judge_schedule where the main test's cases do not reach (learning_rate 0.1, decay 0.6, 4
    params): learning_rate squared at every step names its title's detail; 1.000005 x learning_rate
    times the schedule is a scale (5e-6 off learning_rate, beyond 1e-6 of it), not the rate applied
    twice; rates of 0 wherever a step's rate is known are 0 x the schedule when every step has
    one, and no constant rate when some step has none; a decay after the last step does not show, in
    what was seen (after 2, 4 and 6 of 7 iterations) or in what was expected (after 0, 5 and 6)."""
    from reference.checker import training_record
    prob = SCHEDULE_PROBLEM

    def judged(per_step, boundaries=(0, 3), T=6, per_param=None):
        boundaries = list(boundaries)
        right, wrong = rates.schedules(0.1, 0.6, boundaries, T)
        used = per_param if per_param is not None else np.asarray(per_step, dtype=float)[:, None] * np.ones((1, 4))
        check = rates.judge_schedule(used, right, wrong, prob, boundaries, False, 0.125)
        assert (check.passed, check.measured, check.tolerance, check.what) == (False, 0.125, rates.RATE_EXACT, rates.WHAT)
        return check.causes, training_record.seen_detail(check), check

    right = rates.schedules(0.1, 0.6, [0, 3], 6)[0]
    causes, _, check = judged(right ** 2)
    assert causes == ["lr_applied_twice"] and training_record.named_title(check) == \
        mistakes.BY_ID["lr_applied_twice"].title.format(detail="learning_rate ** 2")
    assert judged(0.1 * (1 + 5e-6) * right)[0] == ["lr_scaled"]
    zeros = np.zeros((6, 4))
    np.fill_diagonal(zeros, np.nan)  # each param's rate unknown at one step, every step's known for three
    causes, seen, _ = judged(None, per_param=zeros)
    assert causes == ["lr_scaled"] and seen.endswith(": 0 x the schedule at every step")
    zeros = np.zeros((6, 4))
    zeros[2] = np.nan  # no rate known at step 2
    causes, seen, check = judged(None, per_param=zeros)
    assert causes == [] and check.part == "training_update" and seen.endswith("expected [0.1, 0.06 x3, 0.036 x2]")
    late = rates.schedule(0.1, 0.6, lambda it: it in (2, 4, 6), 7)
    causes, seen, _ = judged(late, boundaries=(0, 5, 6), T=7)
    assert causes == ["lr_decayed_at_wrong_iterations"] and seen.endswith(
        ": decayed after the update at iterations 2 and 4, instead of after it at iterations 0 and 5")


@pytest.mark.xfail(strict=True, reason="a known fault: judge_schedule's search of epochs finds the schedule's own "
                   "iterations and names lr_decayed_at_wrong_iterations")
def test_rates_within_1e_6_of_the_schedule_but_not_1e_10_name_no_cause():
    """Rates 1 + 5e-7 times the schedule's at every step (learning_rate 0.1, decay 0.6 after 0 and
    3 of 6): the rate check fails (1e-10) but no known mistake explains them; the checker says they
    were decayed at the wrong iterations, "0 and 3 instead of 0 and 3"."""
    prob = SCHEDULE_PROBLEM
    right, wrong = rates.schedules(0.1, 0.6, [0, 3], 6)
    check = rates.judge_schedule((1 + 5e-7) * right[:, None] * np.ones((1, 4)), right, wrong, prob, [0, 3], False, 0.1)
    assert check.causes == [] and check.diagnosis.endswith("; not a known mistake")


def test_a_decay_inside_the_loop_over_the_params_is_read_with_its_order_and_when():
    """rates.decayed_per_param: the decay applied once per param at an epoch's first iteration
    (learning_rate 1, decay 0.5, one epoch starting at 0 of 3 iterations), after each param's update
    or before it, in the order the params took it; the plain schedule is neither."""
    after = np.array([[1, 0.5, 0.25, 0.125], [0.0625] * 4, [0.0625] * 4])
    before = np.array([[0.5, 0.25, 0.125, 0.0625], [0.0625] * 4, [0.0625] * 4])
    assert rates.decayed_per_param(after, 1.0, 0.5, [0]) == "W1, b1, W2, b2 in turn, each after its update"
    assert rates.decayed_per_param(before, 1.0, 0.5, [0]) == "W1, b1, W2, b2 in turn, each before its update"
    assert rates.decayed_per_param(after[:, ::-1], 1.0, 0.5, [0]) == "b2, W2, b1, W1 in turn, each after its update"
    assert rates.decayed_per_param(np.array([[1.0] * 4, [0.5] * 4, [0.5] * 4]), 1.0, 0.5, [0]) is None
    right, m = np.array([1.0, 0.5, 0.5]), mistakes.BY_ID["lr_decayed_per_param"]
    seen = ("at step 0 the params' rates differ: W1 1, b1 0.5, W2 0.25, b2 0.125 (the schedule's: 1 for every one): "
            "each param's rate is one decay below the one updated before it (W1, b1, W2, b2 in turn, each after its "
            "update)")
    assert rates.uneven_rates(None, after, right, 0.5, {"learning_rate": 1.0, "learning_rate_decay": 0.5}, [0]) == \
        Check("train_learning_rate", False, 0.5, rates.RATE_EXACT, rates.WHAT, f"{seen}: this matches "
              f"{m.title.format(detail='W1, b1, W2, b2 in turn, each after its update')}. Fix: {m.fix}. "
              "[cause: lr_decayed_per_param]", ["lr_decayed_per_param"], part=m.part)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # NumPy on the unknown rates' NaNs and 0 / 0
def test_a_warm_up_a_scale_and_an_unchanged_rate_in_words():
    """rates.warmup_length: the schedule times min(1, (it + 1) / K) is read as K from its first
    step, for K = 2 and 3, a step of unknown rate (NaN) after the first one included; a first
    step at the schedule's rate is none. rates.scaled_cause: 2 (1 + 5e-7) x the schedule is the
    update applied twice (within 1e-6 x 2). rates.rate_changes: a rate that never changes says so."""
    right = rates.schedule(0.1, 0.6, lambda it: it in (0, 3), 6)

    def warm(K, unknown=()):
        used = (right * np.minimum(1, (np.arange(6) + 1) / K))[:, None] * np.ones((1, 4))
        used[list(unknown)] = np.nan
        return rates.warmup_length(used, right)

    assert (warm(2), warm(3), warm(3, unknown=[1]), warm(1)) == (2, 3, 3, None)
    assert rates.scaled_cause(2 * (1 + 5e-7)) == ("update_repeated", "2")
    assert rates.scaled_cause(2 * (1 + 3e-6)) == ("lr_scaled", "")
    assert rates.rate_changes(np.full(4, 0.1)) == "never changed"


def test_a_global_clip_is_read_off_the_steps_slower_than_the_schedule():
    """rates.global_clip, the schedule 0.25 at every step, each step's gradients one entry (its joint
    norm): steps at lr * 2 / norm where the norm is above 2 and at the schedule's rate where it is at
    most 2 (2 included) name update_global_norm_clipped with c = 2; a slow step 3e-6 x c off c, a
    step faster than the schedule's, or one at 1 - 1e-6 of it with a norm above c: None."""

    def clip(norms, ratios):
        steps = [{"grads": {k: np.zeros(SHAPES[k]) for k in NAMES}} for _ in norms]
        for step, norm in zip(steps, norms):
            step["grads"]["b2"][1] = norm
        right = np.full(len(norms), 0.25)
        return rates.global_clip(steps, right[:, None] * np.asarray(ratios)[:, None] * np.ones((1, 4)), right, 0.5)

    m = mistakes.BY_ID["update_global_norm_clipped"]
    detail = "2 of 4 steps at lr * 2 / (the joint norm of all the gradients), the others at the schedule's rate"
    assert clip([1.0, 4.0, 2.0, 8.0], [1.0, 0.5, 1.0, 0.25]) == Check(
        "train_learning_rate", False, 0.5, rates.RATE_EXACT, rates.WHAT,
        f"{detail}: this matches {m.title.format(detail='2')}. Fix: {m.fix}. [cause: update_global_norm_clipped]",
        ["update_global_norm_clipped"], part=m.part)
    assert clip([4.0, 4.0, 8.0], [0.5, 0.5 * (1 + 3e-6), 0.25]) is None
    assert clip([1.0, 4.0], [1.5, 0.5]) is None
    assert clip([4.0, 2.000002], [0.5, 1 - 1e-6]) is None
    assert clip([1.0, 2.0], [1.0, 1.0]) is None  # no step slower


def test_a_fitted_update_in_words():
    """rates.update_text: the factor to 4 digits and the term it multiplies; weight decay's also
    as a multiple of reg when there is one."""
    assert rates.update_text(("weight_decay_in_update", 0.5, "W1 and W2"), 0.1) == \
        "0.5 x -lr * params on W1 and W2 (5 x reg)"
    assert rates.update_text(("weight_decay_in_update", 0.123456, "every param"), 0.0) == \
        "0.1235 x -lr * params on every param"
    assert rates.update_text(("momentum_in_update", 0.9, ""), 0.1) == "0.9 x the previous step"
    assert rates.update_text(("update_previous_gradient", 1.0, ""), 0.1) == \
        "1 x lr * (this gradient - the previous one)"


def test_a_fixed_first_rate_in_words_with_what_else_gives_it():
    """training_runs.fixed_rate_words: a cap when every run asked for at least c (1e-6 relative
    below it counts), learning_rate_decay as the rate when every run's decay is c (to 1e-6)."""
    words = training_runs.fixed_rate_words
    runs = [{"learning_rate": 1e-3, "learning_rate_decay": 0.95}, {"learning_rate": 1e-2, "learning_rate_decay": 0.95}]
    assert words(1e-3, runs) == ("0.001 at the first step of every run, each given a larger learning_rate: a "
                                 "constant, or a cap min(learning_rate, 0.001)")
    runs[0]["learning_rate"] = 1e-3 * (1 - 1e-6)
    assert words(1e-3, runs).startswith("0.001 at the first step of every run")
    runs[0]["learning_rate"] = 1e-3 * (1 - 3e-6)
    assert words(1e-3, runs) == "0.001 at the first step, whatever learning_rate is given"
    runs = [{"learning_rate": 0.5, "learning_rate_decay": 0.95}, {"learning_rate": 0.1, "learning_rate_decay": 0.95}]
    c = 0.95 * (1 + 1e-7)
    assert words(c, runs) == ("0.95 at the first step, whatever learning_rate is given, or learning_rate_decay "
                              "(0.95 in every run) taken as the learning rate")
    runs[1]["learning_rate_decay"] = 0.9
    assert words(c, runs) == "0.95 at the first step, whatever learning_rate is given"


def test_a_rate_of_some_params_own_is_kept_only_when_another_run_shows_the_same_multiples():
    """training_runs.per_param_across: the main run's per-param rate check stands when the run at
    another learning rate has each param's first rate at the same multiple of its learning_rate (to
    1e-6), or shows none; else it is not a known mistake, with the other run's rates in words."""
    prob = problems.train_problem()
    main = SimpleNamespace(prob=prob, first_rates=[2e-3, 1e-3, 1e-3, 1e-3])
    lr = prob.kwargs["learning_rate"]
    check = Check("train_learning_rate", False, 1.0, 1e-10, "max rel error", "W1 at 2 x: this matches x. [cause: y]",
                  ["lr_multiplier_per_param"], part="training_rate")

    def other(first_rates, rate=10 * lr):
        return SimpleNamespace(prob=SimpleNamespace(X=prob.X, kwargs={**prob.kwargs, "learning_rate": rate}),
                               first_rates=first_rates)
    main.first_rates = [2 * lr, lr, lr, lr]
    same_multiples = other([20 * lr * (1 + 1e-7), 10 * lr, 10 * lr, 10 * lr])
    assert training_runs.per_param_across(check, main, same_multiples) is check
    assert training_runs.per_param_across(check, main, other([float("nan")] * 4)) is check
    assert training_runs.per_param_across(check, main, other([20 * lr, float("nan"), 10 * lr, 10 * lr])) is check
    found = training_runs.per_param_across(check, main, other([2 * lr, float("nan"), 10 * lr, 10 * lr]))
    rates_there = f"W1 {2 * lr:.4g}, b1 nan, W2 {10 * lr:.4g}, b2 {10 * lr:.4g}"
    assert found == Check("train_learning_rate", False, 1.0, 1e-10, "max rel error",
                          f"W1 at 2 x; on {len(prob.X)} rows in batches of {prob.kwargs['batch_size']} with "
                          f"learning_rate={10 * lr:g} the first step's rates were {rates_there}, not the same "
                          "multiples; not a known mistake", part="training_rate")


def rate_run(first_rate=float("nan"), lr=0.9, decay=0.6, passed=True, after=None):
    """A hand-built Run of the main problem's shape (40 rows in batches of 8, 15 iterations, epochs
    starting at 0, 5 and 10) at ``lr`` and ``decay``; its rate check passing or failing."""
    prob = SimpleNamespace(X=np.zeros((40, 2)), after=after, kwargs={
        "learning_rate": lr, "learning_rate_decay": decay, "num_iters": 15, "batch_size": 8})
    rate = passing("train_learning_rate") if passed else failing("train_learning_rate")
    return training_runs.Run(prob, {"train_learning_rate": rate}, [0, 5, 10], first_rate=first_rate)


def rate_check(causes, detail="seen"):
    return Check("train_learning_rate", False, 0.25, 1e-6, "the rates", detail, list(causes), part="training_rate")


def test_a_second_calls_first_rate_is_named_when_it_is_what_the_first_call_ended_with():
    """training_runs.second_call_rate: the first call (0.9 decayed by 0.6 after iterations 0, 5 and 10)
    ends at 0.9 x 0.216; a second call at 0.5 starting there (to 1e-6) kept the rate, one starting at
    0.5 x 0.216 kept the decay; any other rate, a passing check, or a run that is not a second call
    leaves the check as it is."""
    main = rate_run()
    check = rate_check(["lr_scaled"])
    near = 1 + 3e-7
    got = training_runs.second_call_rate(main, rate_run(0.9 * 0.216 * near, lr=0.5, after="main"), check)
    assert (got.passed, got.measured, got.tolerance, got.what) == (False, 0.25, 1e-6, "the rates")
    assert got.causes == ["lr_kept_between_calls"] and got.diagnosis.startswith(
        "a second train call on the same instance, with learning_rate=0.5, took its first step at 0.1944, the "
        "rate the first call ended with: this matches ")
    got = training_runs.second_call_rate(main, rate_run(0.5 * 0.216 * near, lr=0.5, after="main"), check)
    assert got.causes == ["decay_kept_between_calls"] and got.diagnosis.startswith(
        "a second train call on the same instance, with learning_rate=0.5, took its first step at 0.108, its "
        "learning_rate times the decay the first call ended with (0.216): this matches ")
    assert (got.passed, got.measured, got.tolerance, got.what) == (False, 0.25, 1e-6, "the rates")
    assert training_runs.second_call_rate(main, rate_run(0.5, lr=0.5, after="main"), check) is check
    assert training_runs.second_call_rate(main, rate_run(0.9 * 0.216 * 1.00001, lr=0.5, after="main"), check) is check
    assert training_runs.second_call_rate(main, rate_run(0.9 * 0.216, lr=0.5, after=None), check) is check
    passed = passing("train_learning_rate")
    assert training_runs.second_call_rate(main, rate_run(0.9 * 0.216, lr=0.5, after="main"), passed) is passed


def test_an_extra_runs_failing_check_says_which_run():
    """training_runs.on_run: the detail of an extra run's check starts with the run in words; an
    empty detail stays empty."""
    prob = rate_run().prob
    assert training_runs.on_run(failing("train_steps"), prob).diagnosis == "on 40 rows in batches of 8: wrong"
    assert training_runs.on_run(Check("train_steps", False, 1, 0, "hand-built"), prob).diagnosis == ""


def test_an_extra_runs_step_count_off_by_one_is_refused_when_the_main_runs_count_is_right():
    """training_runs.count_unless_contradicted: an extra run's steps check naming
    iteration_count_off_by_one first (alone or before another cause) loses its cause, since the main
    run's count is right; its values stay and its detail says why. Any other cause stays."""
    main = rate_run()
    for causes in (["iteration_count_off_by_one"], ["iteration_count_off_by_one", "update_repeated"]):
        check = Check("train_steps", False, 16, 15, "iterations made", "16 steps: this matches x. [cause: y]", causes,
                      part="training_update")
        assert training_runs.count_unless_contradicted(check, main) == Check(
            "train_steps", False, 16, 15, "iterations made", "16 steps; on 40 rows in batches of 8 the count is "
            "right, which that would change; not a known mistake", part="training_update")
    other = Check("train_steps", False, 16, 15, "iterations made", "16 steps", ["update_repeated"], part="training_update")
    assert training_runs.count_unless_contradicted(other, main) is other


def test_an_extra_runs_rate_cause_is_refused_when_a_run_with_the_schedules_rates_would_show_it():
    """training_runs.unless_contradicted: a cause of the rate itself (or of an update every step
    makes) would change every run's rates, so a run whose rates are right refutes it; a schedule's
    cause refutes it only when that schedule differs there (to 1e-6 relative, no absolute slack); a
    second call's cause, or one without a schedule, stands."""
    refuted = Check("train_learning_rate", False, 0.25, 1e-6, "the rates", "seen; on 40 rows in batches of 8 the "
                    "rates are the schedule's, which that would change; not a known mistake", part="training_rate")

    main, wrong = rate_run(), rate_run(passed=False)
    for cause in ("lr_scaled", "update_repeated"):
        assert training_runs.unless_contradicted(rate_check([cause]), [main, wrong]) == refuted
    for cause in ("lr_kept_between_calls", "decay_kept_between_calls", "iteration_count_off_by_one"):
        assert training_runs.unless_contradicted(rate_check([cause]), [main]) == rate_check([cause])
    no_cause = rate_check([])
    assert training_runs.unless_contradicted(no_cause, [main]) is no_cause
    assert training_runs.unless_contradicted(rate_check(["lr_scaled"]), [wrong]) == rate_check(["lr_scaled"])
    # decay^k with k = 0, 1, 2 at the three boundaries: from iteration 1 on 0.9, 0.54, 0.1944 where the
    # schedule has 0.54, 0.324, 0.1944
    compounded = rate_check(["lr_decay_compounded"])
    assert training_runs.unless_contradicted(compounded, [main]) == refuted
    # the complement of a decay of 0.5 is 0.5 itself: the same schedule, nothing refuted
    complement = rate_check(["lr_decayed_by_complement"])
    assert training_runs.unless_contradicted(complement, [rate_run(decay=0.5)]) == complement
    # a decay 5e-7 above 0.5 at a rate of 1e-4: its complement's rates differ from the schedule's by
    # 2e-6, 4e-6 and 6e-6 relative (1e-10 absolute at most), beyond 1e-6 relative
    tiny = rate_run(lr=1e-4, decay=0.5 + 5e-7)
    assert training_runs.unless_contradicted(complement, [tiny]) == refuted


def test_iterations_in_words():
    """training_record.iterations_text: none, one, or a list ending in 'and'."""
    text = training_record.iterations_text
    assert (text([]), text([3]), text([0, 5]), text(np.array([0, 5, 10]))) == (
        "no iteration", "iteration 3", "iterations 0 and 5", "iterations 0, 5 and 10")


def test_same_rows_same_batch_and_the_smoothed_losses_are_what_they_say():
    """recording.same_rows: the same rows in any order, of one shape and dtype (bytes alike are not
    enough); training_record.same_batch: X and y both; histories.smoothed: only for 0 < b < 1."""
    from reference.checker import histories, recording
    rows = np.arange(6).reshape(3, 2)
    assert recording.same_rows(rows[::-1], rows) and not recording.same_rows(rows[:2], rows)
    assert not recording.same_rows(rows.astype(np.float64), rows)
    assert not recording.same_rows(np.zeros(2, np.float32), np.zeros(2, np.int32))  # the same bytes
    assert not recording.same_rows(np.zeros((1, 2), np.int32), np.zeros((1, 1), np.int64))  # the same bytes
    X, y = np.ones((2, 3)), np.array([0, 1])
    assert training_record.same_batch({"X": X, "y": y}, {"X": X.copy(), "y": y.copy()})
    assert not training_record.same_batch({"X": X, "y": y}, {"X": X, "y": y[::-1]})
    assert not training_record.same_batch({"X": X, "y": y}, {"X": 2 * X, "y": y})
    assert histories.smoothed(0.5, [4.0, 2.0, 0.0]) == [4.0, 3.0, 1.5]
    assert histories.smoothed(0.0, [4.0, 2.0]) == [] and histories.smoothed(1.0, [4.0, 2.0]) == []
    assert histories.smoothed(1.5, [4.0, 2.0]) == [] and histories.smoothed(float("nan"), [4.0, 2.0]) == []


def per_param(values):
    """A run's rates (step, param): the same value for the 4 params at each step."""
    return np.repeat(np.asarray(values, dtype=np.float64)[:, None], 4, axis=1)


def test_a_decay_by_another_factor_is_read_off_the_rates_in_words():
    """rates.decay_factor: every rate the schedule with a factor f in place of the decay, after the
    epochs' first iterations or after every one; f as a power of the decay, (1 / iterations_per_epoch)
    when that is the power; not for f = 1, f = the decay (to 1e-6 of it), f <= 0, or one step."""
    lr, decay = 1e-3, 0.5
    f = decay ** 2  # at each epoch: epochs of 4 iterations start at 0 and 4; the rate changes after them
    assert rates.decay_factor(per_param([lr, lr * f, lr * f, lr * f, lr * f, lr * f * f, lr * f * f, lr * f * f]),
                              lr, decay, [0, 4]) == (f, "learning_rate_decay ** 2 = 0.25 at each epoch")
    f = decay ** 0.25  # after every iteration, the epoch counted as a fraction
    words = ("learning_rate_decay ** (1 / iterations_per_epoch) = 0.8409 after every iteration (the epoch counted "
             "as it / iterations_per_epoch, a fraction)")
    assert rates.decay_factor(per_param([lr * f ** t for t in range(8)]), lr, decay, [0, 4]) == (f, words)
    assert rates.decay_factor(per_param([lr * f ** t for t in range(4)]), lr, decay, [0]) == (f, words)  # one epoch
    f = decay ** 0.3
    assert rates.decay_factor(per_param([lr * f ** t for t in range(8)]), lr, decay, [0, 4]) == (
        f, "learning_rate_decay ** 0.3 = 0.8123 after every iteration")
    f = decay + 1e-6  # within 2e-6 of the decay: not the decay
    assert rates.decay_factor(per_param([lr, lr * f, lr * f, lr * f * f]), lr, decay, [0, 2])[0] == f
    assert rates.decay_factor(per_param([lr, lr * f]), lr, decay, [0])[0] == f  # two steps are enough
    for f in (1.0, decay, decay * (1 + 5e-7), 0.0, -0.5):
        assert rates.decay_factor(per_param([lr, lr * f, lr * f, lr * f * f]), lr, decay, [0, 2]) is None, f
    f = 0.99 ** 1000  # a whole power, however large
    assert rates.decay_factor(per_param([lr, lr * f, lr * f, lr * f * f]), lr, 0.99, [0, 2]) == (
        f, "learning_rate_decay ** 1000 = 4.317e-05 at each epoch")
    assert rates.decay_factor(per_param([lr]), lr, decay, [0]) is None


def test_rates_off_by_float32_rounding_are_named_lr_float32_and_others_not():
    """rates.rounded_rates: rates within 1e-6 of the schedule but not 1e-10 are lr_float32 when each
    is the schedule computed in float32 (np.float32 learning_rate times np.float32 decay at each
    change), to 1e-10 beyond the run's own rounding; else not a known mistake. Both say how far off
    and the first step's rate against the schedule's."""
    kw = {"learning_rate": 1e-3, "learning_rate_decay": 0.95}
    right = np.array([1e-3, 9.5e-4, 9.5e-4, 9.025e-4])  # decayed after steps 0 and 2
    lr32, d32 = np.float32(1e-3), np.float32(0.95)
    in_float32 = np.array([lr32, lr32 * d32, lr32 * d32, lr32 * d32 * d32], dtype=np.float64)
    seen = (f"the learning rates used differ from the schedule's by up to 5e-08 relative (step 0: "
            f"{float(in_float32[0])!r}, expected 0.001)")
    title_fix = ("the learning rate kept in float32 (np.float32): every step's rate rounded to float32, ~1e-7 "
                 "relative. Fix: keep learning_rate and its decayed values as Python floats (float64). "
                 "[cause: lr_float32]")
    named = Check("train_learning_rate", False, 5e-8, 1e-10, rates.WHAT,
                  f"{seen}, each the schedule computed in float32: this matches {title_fix}", ["lr_float32"],
                  part="training_rate")
    assert rates.rounded_rates(per_param(in_float32), np.zeros((4, 4)), right, kw, 5e-8) == named
    within_rounding = per_param(in_float32 * (1 + 5e-10))  # 5e-10 off, the run's rounding 1e-9
    within_rounding[0] = in_float32[0]
    assert rates.rounded_rates(within_rounding, np.full((4, 4), 1e-9), right, kw, 5e-8) == named
    assert rates.rounded_rates(within_rounding, np.zeros((4, 4)), right, kw, 5e-8).causes == []
    other = per_param(right * (1 + 1e-8))
    seen = ("the learning rates used differ from the schedule's by up to 1e-08 relative (step 0: "
            f"{float(right[0] * (1 + 1e-8))!r}, expected 0.001)")
    assert rates.rounded_rates(other, np.zeros((4, 4)), right, kw, 1e-8) == Check(
        "train_learning_rate", False, 1e-8, 1e-10, rates.WHAT, f"{seen}; not a known mistake", part="training_rate")


SHAPES = {"W1": (3, 2), "b1": (2,), "W2": (2, 2), "b2": (2,)}


def run_of(update, T=4, seed=0):
    """(steps, final): T steps from random params and gradients, each param's next value
    ``update(t, k, p, g, previous_delta)``; as training_record.recorded_steps gives them."""
    rng = np.random.default_rng(seed)
    params = {k: rng.normal(size=s) for k, s in SHAPES.items()}
    steps, delta = [], {k: np.zeros(s) for k, s in SHAPES.items()}
    for t in range(T):
        grads = {k: rng.normal(size=s) for k, s in SHAPES.items()}
        steps.append({"params": params, "grads": grads})
        after = {k: update(t, k, params[k], grads[k], delta[k], steps) for k in SHAPES}
        delta = {k: after[k] - params[k] for k in SHAPES}
        params = after
    return steps, params


LR = np.array([1e-2, 1e-2, 5e-3, 5e-3])  # the schedule's rates


def traced(arrays, final):
    """An observation of the main run: its recorded ``arrays`` and its ``final`` params."""
    return SimpleNamespace(get=arrays.get, params=lambda prefix: final if prefix == "trace/final" else {})


def test_an_update_with_one_more_term_is_fitted_with_its_factor():
    """rates.fitted_update: momentum (mu times the previous step), weight decay (-lr c P, on every
    param or on W1 and W2), the previous step's gradient (lr (g_t - g_t-1), at 1 x only); every step
    must fit, to 1e-6 of its size; a single step has no previous one to fit."""
    def momentum(t, k, p, g, previous, steps):
        return p - LR[t] * g + 0.9 * previous
    assert rates.fitted_update(*run_of(momentum), LR) == ("momentum_in_update", pytest.approx(0.9), "")

    def decay(t, k, p, g, previous, steps):
        return p - LR[t] * g - LR[t] * 0.3 * p
    assert rates.fitted_update(*run_of(decay), LR) == ("weight_decay_in_update", pytest.approx(0.3), "every param")
    assert rates.fitted_update(*run_of(decay, T=1), LR) == ("weight_decay_in_update", pytest.approx(0.3),
                                                            "every param")

    def decay_on_weights(t, k, p, g, previous, steps):
        return p - LR[t] * g - (LR[t] * 0.3 * p if k.startswith("W") else 0)
    assert rates.fitted_update(*run_of(decay_on_weights), LR) == ("weight_decay_in_update", pytest.approx(0.3),
                                                                  "W1 and W2")

    def previous_gradient(t, k, p, g, previous, steps):
        return p - LR[t] * (steps[t - 1]["grads"][k] if t else g)
    assert rates.fitted_update(*run_of(previous_gradient), LR) == ("update_previous_gradient", pytest.approx(1.0), "")

    def half_previous_gradient(t, k, p, g, previous, steps):
        return p - LR[t] * g + (0.5 * LR[t] * (g - steps[t - 1]["grads"][k]) if t else 0)
    assert rates.fitted_update(*run_of(half_previous_gradient), LR) is None

    def momentum_but_the_last(t, k, p, g, previous, steps):
        return p - LR[t] * g + (0.9 * previous if t < 3 else 0)
    assert rates.fitted_update(*run_of(momentum_but_the_last), LR) is None

    def momentum_nearly(t, k, p, g, previous, steps):  # 1e-5 of each step off momentum
        step = -LR[t] * g + 0.9 * previous
        return p + step * (1 + 1e-5 * np.sign(np.arange(step.size).reshape(step.shape) % 2 - 0.5))
    assert rates.fitted_update(*run_of(momentum_nearly), LR) is None


def test_an_update_with_clipped_gradients_gives_the_clip_value():
    """rates.value_clip: every step -lr clip(g, -c, c) for the c read off the largest step, when
    some gradient has an entry past c; not a plain step (none past c), nor a step 1e-6 of its size
    off the clipped one."""
    def clipped(t, k, p, g, previous, steps):
        return p - LR[t] * np.clip(g, -1.2, 1.2)
    steps, final = run_of(clipped)
    assert max(np.max(np.abs(s["grads"][k])) for s in steps for k in SHAPES) < 2 * 1.2  # clipped by less than 2 x
    assert rates.value_clip(steps, final, LR) == pytest.approx(1.2)

    def plain(t, k, p, g, previous, steps):
        return p - LR[t] * g
    assert rates.value_clip(*run_of(plain), LR) is None
    assert rates.value_clip(*run_of(lambda t, k, p, g, previous, steps: p), LR) is None  # no step at all: no c

    def clipped_nearly(t, k, p, g, previous, steps):
        return p - LR[t] * np.clip(g, -1.2, 1.2) * (1 + 1e-5 * (np.arange(g.size).reshape(g.shape) % 2))
    assert rates.value_clip(*run_of(clipped_nearly), LR) is None


def test_an_assigned_or_accumulated_step_and_a_multiplier_of_some_params():
    """rates.assigned_step (params = -lr g), accumulated_step (-lr (g_0 + ... + g_t), two steps at
    least), each to 1e-6 of the step; multiplied_group (some params at one k > 0, not 1, the others at
    the schedule's); scaled_per_param (each param's rates one multiple of the schedule's)."""
    def assigned(t, k, p, g, previous, steps):
        return -LR[t] * g
    assert rates.assigned_step(*run_of(assigned), LR)
    assert not rates.assigned_step(*run_of(lambda t, k, p, g, previous, steps: -LR[t] * g * (1 + 1e-5)), LR)
    def first_off(t, k, p, g, previous, steps):
        return -LR[t] * g * (1 + 1e-5 * (t == 0))
    assert not rates.assigned_step(*run_of(first_off), LR)  # to 1e-6 of the step, not of the params before it

    def accumulated(t, k, p, g, previous, steps):
        return p - LR[t] * sum(s["grads"][k] for s in steps)
    assert rates.accumulated_step(*run_of(accumulated), LR) and rates.accumulated_step(*run_of(accumulated, T=2), LR)
    assert not rates.accumulated_step(*run_of(accumulated, T=1), LR)
    assert not rates.accumulated_step(*run_of(lambda t, k, p, g, previous, steps: accumulated(
        t, k, p, g, previous, steps) - LR[t] * 1e-5 * g), LR)

    ratio = np.ones((4, 4))
    ratio[:, 0] = 2.0
    assert rates.multiplied_group(ratio) == (["W1"], 2.0)
    ratio[:, [0, 3]] = 0.5
    assert rates.multiplied_group(ratio) == (["W1", "b2"], 0.5)
    ratio[:, [0, 3]] = 0.0
    assert rates.multiplied_group(ratio) is None
    ratio[:, 0], ratio[:, 3] = [2.0, 2.0, 3.0, 3.0], 1.0
    assert rates.multiplied_group(ratio) is None

    assert rates.scaled_per_param(per_param(2 * LR) * [1, 1, 3, 3], LR)
    varying = per_param(LR)
    varying[:, 0] *= [1, 2, 2, 2]
    assert not rates.scaled_per_param(varying, LR)


def test_steps_on_the_whole_set_or_on_num_train_draws_from_the_first_batch():
    """training_checks.whole_set_steps: every step on rows 0..N-1 in order, or every step on draws
    all below batch_size (< N); not an ordinary minibatch, no steps, or batch_size = N."""
    whole = training_checks.whole_set_steps
    assert whole([np.arange(10)] * 3, 10, 4) == ("step_on_full_train", "every step on the whole training set, in order")
    draws = [np.array([3, 1, 0, 2, 2, 1, 0, 3, 3, 1]), np.array([0] * 10)]
    assert whole(draws, 10, 4) == ("batch_of_num_train", "10 draws from the first 4 rows at every step")
    assert whole(draws + [np.array([4, 1, 0, 2, 2, 1, 0, 3, 3, 1])], 10, 4) is None  # row 4 is past the first 4
    assert whole([np.array([7, 2, 9, 4])], 10, 4) is None
    assert whole([], 10, 4) is None
    assert whole([np.array([3, 1, 0, 2])], 4, 4) is None


def test_a_runs_outcome_is_the_oracles_to_1e_10():
    """training_checks.outcome: the histories and final params against the NumPy oracle's run on
    the training problem after its seed (worked out here with the reference's train), to 1e-10
    relative; a history missing or of another length is not the run's."""
    from reference import TwoLayerNet
    prob = problems.train_problem()
    net = TwoLayerNet.from_params(prob.params)
    state = np.random.get_state()
    try:
        np.random.seed(prob.seed)
        stats = net.train(prob.X.copy(), prob.y.copy(), prob.X_val.copy(), prob.y_val.copy(), **prob.kwargs)
    finally:
        np.random.set_state(state)
    arrays = {f"trace/{k}": np.asarray(v, np.float64) for k, v in stats.items()}
    final = dict(net.params)

    def judged(changes=None, final_params=final):
        got = {**arrays, **(changes or {})}
        obs = traced(got, final_params)
        return training_checks.outcome(obs, prob)

    same, final_right, oracle_stats, batches = judged()
    assert same and final_right and len(batches) == prob.kwargs["num_iters"]
    assert set(oracle_stats) == set(stats) and all(np.array_equal(oracle_stats[k], stats[k]) for k in stats)
    losses = arrays["trace/loss_history"]
    assert judged({"trace/loss_history": losses * (1 + 1e-9)})[:2] == (False, True)
    assert judged({"trace/loss_history": losses[:-1]})[:2] == (False, True)
    assert judged({"trace/loss_history": None})[:2] == (False, True)
    assert judged(final_params={**final, "W2": final["W2"] * (1 + 1e-9)})[:2] == (False, False)
    assert judged(final_params={k: v for k, v in final.items() if k != "b2"})[:2] == (False, False)


def test_a_run_whose_steps_are_not_seen_is_judged_by_its_outcome():
    """training_checks.unobserved_run: the oracle's outcome passes every check, measured 0 of 0, the
    rate decayed and recorded at the epochs, its first rate learning_rate; else the first check
    fails, not a known mistake, in the histories when the final params are right, in the sampling
    when the first loss is not the oracle's first (to 1e-10), else in the update; the others are
    its consequences, not judged."""
    prob = problems.train_problem()
    kw = prob.kwargs
    boundaries = problems.epoch_boundaries(len(prob.X), kw["batch_size"], kw["num_iters"])
    what = "the run's outcome (train never called self.loss: no step is seen)"
    losses = np.array([2.3, 2.2, 2.1])
    stats = {"loss_history": losses}

    def run(same, final_right, recorded=losses):
        obs = SimpleNamespace(get={"trace/loss_history": recorded}.get)
        return training_checks.unobserved_run(obs, prob, boundaries, (same, final_right, stats, []))

    passed = run(True, True)
    assert passed == training_runs.Run(prob, {n: Check(n, True, 0, 0, what, part=training_checks.RUN_PARTS[n])
                                              for n in training_checks.NAMES}, boundaries, None, list(boundaries),
                                       [tuple(boundaries)], float(kw["learning_rate"]))
    seen = ("train never called self.loss, so its steps cannot be seen, and its histories or final params differ "
            "from the notebook's run after the same np.random.seed")
    why = "not judged: no step of the run is seen (see train_steps)"

    def failed(part, words):
        first = Check("train_steps", False, None, None, what, f"{words}; not a known mistake", part=part)
        return training_runs.Run(prob, {"train_steps": first, **{
            n: Check(n, False, None, None, "training run", why, consequence_of="train_steps")
            for n in training_checks.NAMES[1:]}}, boundaries)

    assert run(False, True) == failed("training_histories", f"{seen}: its final params are that run's, so its "
                                                             "steps are, and what it records is not")
    sampling = failed("training_sampling", f"{seen}: its first recorded loss, taken before any update, is not the "
                                           "loss on the first minibatch np.random.choice draws, and it ends elsewhere")
    assert run(False, False, losses * [1 + 1e-9, 1, 1]) == sampling
    assert run(False, False, losses * [1 + 1e-11, 1, 1]) == failed("training_update", seen)
    assert run(False, False, None) == failed("training_update", seen)
    assert run(False, False, np.array([])) == failed("training_update", seen)


PRINT = '                print("iteration %d / %d: loss %f" % (it, num_iters, loss))\n'


def test_what_only_the_verbose_run_does_otherwise_is_located_in_words():
    """training_checks.verbose_difference: a progress print that draws a random number (at iteration
    0, the only one it prints at) shifts the minibatches from iteration 1 on: the sampling check
    fails, keeping the main run's measure, as no known mistake; a print that halves the rate gives
    the verbose run's rates against the schedule (learning_rate 0.9, decay 0.6 after iterations 0,
    5 and 10 of the training problem), with verbose=False right."""
    main = next(c for c in checked("correct_for_verbose", buggy_source("x", [])).checks if c.name == "train_sampling")
    drawing = checked("verbose_draws", buggy_source("x", [(PRINT, PRINT + "                np.random.rand()  # BUG\n")]))
    sampling = next(c for c in drawing.checks if c.name == "train_sampling")
    assert sampling == Check("train_sampling", False, main.measured, main.tolerance, main.what,
                             "with verbose=True, train drew other minibatches than with verbose=False after the same "
                             "seed, from iteration 1 on (the progress print drawing random numbers?); not a known "
                             "mistake", part="training_sampling")
    halving = checked("verbose_rate", buggy_source("x", [(PRINT, PRINT + "                learning_rate *= 0.5  # BUG\n")]))
    rate = next(c for c in halving.checks if c.name == "train_learning_rate")
    assert rate == Check("train_learning_rate", False, pytest.approx(0.5), 1e-10, rates.WHAT,
                         "with verbose=True: the learning rates used were [0.9, 0.27 x5, 0.162 x5, 0.0972 x4] (x0.3 "
                         "after iteration 0, x0.6 after iteration 5, x0.6 after iteration 10), expected [0.9, 0.54 x5, "
                         "0.324 x5, 0.1944 x4]; with verbose=False the rates are the schedule's; not a known mistake",
                         part="training_decay")


def test_a_verbose_run_tells_nothing_when_a_run_is_unseen_or_its_rate_is_right_or_a_consequence(monkeypatch):
    """verbose_difference: None when either run's steps were not seen, or when both drew the same rows
    and the verbose run's rate check passed or follows from another; a rate check failing on its own is
    said with verbose=True's detail."""
    rows = [np.array([0, 1]), np.array([2, 3])]
    seen = {"trace": rows, problems.VERBOSE_RUN: rows}
    monkeypatch.setattr(training_checks, "run_rows", lambda obs, prefix, prob: seen[prefix])
    monkeypatch.setattr(training_checks, "run_view", lambda obs, prefix: prefix)
    verbose = {}
    monkeypatch.setattr(training_checks, "judge_run", lambda view, prob: SimpleNamespace(checks=verbose))
    merged = {"train_sampling": passing("train_sampling")}
    for unseen in ("trace", problems.VERBOSE_RUN):
        seen = {"trace": rows, problems.VERBOSE_RUN: rows, unseen: None}
        assert training_checks.verbose_difference(None, merged) is None, unseen
    seen = {"trace": rows, problems.VERBOSE_RUN: rows}
    verbose["train_learning_rate"] = passing("train_learning_rate")
    assert training_checks.verbose_difference(None, merged) is None
    verbose["train_learning_rate"] = Check("train_learning_rate", False, 1, 0, "hand-built", "wrong",
                                           consequence_of="train_steps")
    assert training_checks.verbose_difference(None, merged) is None
    verbose["train_learning_rate"] = Check("train_learning_rate", False, 1, 0, "hand-built", "rates off", part="x")
    assert training_checks.verbose_difference(None, merged) == {"train_learning_rate": Check(
        "train_learning_rate", False, 1, 0, "hand-built", "with verbose=True: rates off; with verbose=False the rates "
        "are the schedule's; not a known mistake", part="x")}


def test_a_replays_search_snaps_near_rates_to_the_schedule_and_gives_up_after_64_other_rates(monkeypatch):
    """replay.replayed_steps on 6 steps whose every loss any rate gives and whose final params none
    reaches (the rate 0.1, halved after step 0): step 0 follows from the first rate, a candidate within 1e-6 of the schedule's rate
    is taken as the schedule's and one 3e-6 off is not; the search gives up after 64 rates other than
    a step's first (every path visits 6 steps at most, so it makes fewer than 65 x 6 steps, where all
    4^5 paths would make 1 + 4 + ... + 4^5 = 1365)."""
    from reference.checker import replay
    T, lr = 6, 0.1
    prob = SimpleNamespace(X=np.zeros((60, 2)), params={k: np.full(s, 0.5) for k, s in SHAPES.items()},
                           kwargs={"reg": 0.0, "batch_size": 10, "num_iters": T, "learning_rate": lr,
                                   "learning_rate_decay": 0.5})
    made, calls = [], []
    monkeypatch.setattr(replay, "loss_and_grads",
                        lambda params, X, y, reg: made.append(1) or (0.0, {k: np.ones_like(params[k]) for k in params}))

    def candidates(t, params, grads, batches, losses, reg, previous, scheduled):
        calls.append((t, previous, scheduled))
        return iter([scheduled * (1 + 5e-7), scheduled * (1 + 3e-6), scheduled * 2, scheduled * 3])

    monkeypatch.setattr(replay, "candidate_rates", candidates)
    unreached = {k: np.arange(np.prod(s), dtype=float).reshape(s) for k, s in SHAPES.items()}  # no uniform step
    obs = traced({"trace/loss_history": np.zeros(T)}, unreached)
    assert replay.replayed_steps(obs, prob, [(None, None)] * T) is None
    assert 64 + T <= len(made) < 65 * T, len(made)
    assert calls[0] == (0, lr, lr)  # step 0 follows from the first rate
    assert calls[1] == (1, lr, lr / 2)  # 0.1 (1 + 5e-7) taken as the schedule's 0.1, exactly (halved after step 0)
    assert any(previous == lr / 2 * (1 + 3e-6) for t, previous, _ in calls)  # 3e-6 off: kept as it is


def line_problem(seed=8, shrink=1.0):
    """params (standard normal times ``shrink``), grads (the reference's at them) and a minibatch
    of a small net."""
    from reference import TwoLayerNet
    rng = np.random.default_rng(seed)
    params = {"W1": rng.standard_normal((4, 5)), "b1": rng.standard_normal(5),
              "W2": rng.standard_normal((5, 3)), "b2": rng.standard_normal(3)}
    params = {k: shrink * v for k, v in params.items()}
    X, y = rng.standard_normal((7, 4)), rng.integers(0, 3, 7)
    return params, TwoLayerNet.from_params(params).loss(X, y, reg=0.05)[1], X, y


def reference_loss(params, grads, X, y, r):
    from reference import TwoLayerNet
    return TwoLayerNet.from_params({k: params[k] - r * grads[k] for k in NAMES}).loss(X, y, reg=0.05)[0]


def test_the_loss_along_the_gradient_and_the_rates_that_give_a_loss():
    """replay.line_losses: the reference's loss at params - r grads for each r at once; line_roots:
    every rate in [-3, 3] x scale whose loss is the target, each to the bisection's precision, none
    twice; none where no rate gives it."""
    from reference.checker import replay
    params, grads, X, y = line_problem()
    rates_ = [-0.3, 0.0, 0.1, 0.7]
    assert np.allclose(replay.line_losses(params, grads, X, y, 0.05, rates_),
                       [reference_loss(params, grads, X, y, r) for r in rates_], rtol=1e-13, atol=0)
    target = reference_loss(params, grads, X, y, 0.37)
    roots = replay.line_roots(params, grads, X, y, 0.05, target, 0.5)
    assert any(abs(r - 0.37) <= 1e-12 for r in roots) and len(roots) == len(set(roots))
    assert all(-1.5 <= r <= 1.5 and abs(reference_loss(params, grads, X, y, r) - target) <= 1e-12 * target
               for r in roots)
    assert sorted(roots) == roots
    assert replay.line_roots(params, grads, X, y, 0.05, -1.0, 0.5) == []  # no loss is negative
    assert replay.line_roots(params, grads, X, y, 0.05, target, 0.1) == [
        r for r in roots if abs(r) <= 0.3]  # 0.37 beyond 3 x 0.1


def test_a_steps_candidate_rates_are_the_schedules_or_the_last_then_the_roots_nearest_the_last():
    """replay.candidate_rates: the scheduled rate and the previous one first where the next
    minibatch's recorded loss allows them (to 1e-10), then the other rates giving that loss, nearest
    the previous first, none within 1e-6 of one given."""
    from reference.checker import replay
    params, grads, X, y = line_problem()
    batches = [(None, None), (X, y)]
    target = reference_loss(params, grads, X, y, 0.2)
    roots = replay.line_roots(params, grads, X, y, 0.05, target, 0.3)
    got = list(replay.candidate_rates(0, params, grads, batches, [9.0, target], 0.05, 0.3, 0.2))
    assert got[0] == 0.2 and sorted(got[1:], key=lambda r: abs(r - 0.3)) == got[1:]
    assert sorted(got[1:]) == [r for r in roots if abs(r - 0.2) > 1e-6 * 0.2]
    got = list(replay.candidate_rates(0, params, grads, batches, [9.0, target], 0.05, 0.2, 0.3))
    assert got[0] == 0.2 and 0.3 not in got  # the previous rate given, the schedule's not
    assert list(replay.candidate_rates(0, params, grads, batches, [9.0, target * (1 + 1e-9)], 0.05, 0.3, 0.2))[0] != 0.2


def test_the_rates_that_give_a_loss_are_each_found_once_in_the_whole_range_and_no_further():
    """replay.line_roots on the line whose loss is least (2.985) near r = 0.50 (scale 0.5: the rates
    in [-1.5, 1.5]): two roots 0.014 apart, 1e-4 above the least loss; a root in the grid's last cell
    (1.499); none for a loss reached only at -1.75, beyond -1.5; a loss met exactly at a point of
    the grid found once, not from both cells beside it; with the gradient 1000 times larger the
    rates are 1000 times smaller (2e-4 and 1.03e-3), both kept."""
    from reference.checker import replay
    params, grads, X, y = line_problem()

    def loss_at(r, g=grads):
        return replay.line_losses(params, g, X, y, 0.05, [r])[0]

    near = np.linspace(0.45, 0.55, 1001)
    least = replay.line_losses(params, grads, X, y, 0.05, near).min()
    low, high = replay.line_roots(params, grads, X, y, 0.05, least + 1e-4, 0.5)
    assert 0.01 < high - low < 0.02 and abs(reference_loss(params, grads, X, y, low) - least - 1e-4) <= 1e-12
    assert replay.line_roots(params, grads, X, y, 0.05, loss_at(1.499), 0.5)[-1] == pytest.approx(1.499, rel=1e-12)
    assert loss_at(-1.75) > loss_at(-1.5) > loss_at(1.5)  # the loss falls all the way from -1.75 to the least
    assert replay.line_roots(params, grads, X, y, 0.05, loss_at(-1.75), 0.5) == []
    grid = np.linspace(-3, 3, 1201) * 0.5  # line_roots' grid: the loss at its 681st point (0.2) exactly
    on_grid = replay.line_roots(params, grads, X, y, 0.05, replay.line_losses(params, grads, X, y, 0.05, grid)[680], 0.5)
    assert len(on_grid) == 2 and on_grid[0] == pytest.approx(0.2, rel=1e-12) and on_grid[1] > 1
    steep = {k: 1000 * v for k, v in grads.items()}
    assert replay.line_roots(params, steep, X, y, 0.05, loss_at(2e-4, steep), 2e-3) == pytest.approx(
        [2e-4, on_grid[1] / 1000], rel=1e-9)


def test_a_steps_rate_is_given_within_1e_10_of_the_next_loss_and_the_others_come_nearest_the_last_first():
    """replay.candidate_rates at step 1 (the loss after it the third recorded; the first two 7 and
    9): on a loss between 1 and 2 (params halved: 1.51 at the scheduled rate 0.2), the recorded loss
    0.7e-10 relative above gives the scheduled rate and 1.2e-10 above does not (1e-10 x the loss,
    at least 1e-10); the other rates giving the loss come nearest the previous rate first, whichever
    side; with the gradient 1000 times larger, a rate of 2e-4 given keeps the other root, 8e-4 away."""
    from reference.checker import replay

    def candidates(problem, loss, previous, scheduled, steep=1):
        params, grads, X, y = problem
        grads = {k: steep * v for k, v in grads.items()}
        batches = [(None, None), (None, None), (X, y)]
        return list(replay.candidate_rates(1, params, grads, batches, [7.0, 9.0, loss], 0.05, previous, scheduled))

    halved = line_problem(shrink=0.5)
    loss = reference_loss(*halved, 0.2)
    assert 1 < loss < 2
    assert candidates(halved, loss * (1 + 0.7e-10), 0.6, 0.2)[0] == 0.2
    assert candidates(halved, loss * (1 + 1.2e-10), 0.6, 0.2)[0] != 0.2
    problem = line_problem()
    roots = candidates(problem, reference_loss(*problem, 0.2) * (1 + 1e-6), 0.9, 0.2)  # 0.2 and 1.03, neither given
    assert len(roots) == 2 and roots[0] > 1 and roots[1] == pytest.approx(0.2, rel=1e-5)
    params, grads, X, y = problem
    loss = reference_loss(params, {k: 1000 * v for k, v in grads.items()}, X, y, 2e-4)
    assert candidates(problem, loss, 2e-3, 2e-4, steep=1000) == pytest.approx([2e-4, 1.0288e-3], rel=1e-4)


def test_a_sign_change_the_grid_shows_and_the_finer_points_do_not_is_kept_at_its_cells_middle(monkeypatch):
    """replay.line_roots: where rounding puts a sign change on the coarse grid (here its point 100,
    at -1.25 on the scale 0.5, sits above the target only in the whole grid's evaluation) that the
    finer points of the cell do not show, the narrowing stops there: each of the two cells beside
    that point gives its middle (-1.25125 and -1.24875), and the search goes on to the root at 1.0."""
    from reference.checker import replay

    def line_losses(params, grads, X, y, reg, rates_):
        gap = np.asarray(rates_, dtype=float) - 1.0  # the target 0 met at r = 1 alone
        if len(gap) == 1201:
            gap[100] = 5.0
        return gap

    monkeypatch.setattr(replay, "line_losses", line_losses)
    assert replay.line_roots(None, None, None, None, 0.0, 0.0, 0.5) == pytest.approx([-1.25125, -1.24875, 1.0],
                                                                                   rel=1e-12)


# 0.1 + 6.4e-9: a rate x whose step x * 1e-6 away is exactly 1e-6 x in floating point (few are)
EXACT = float.fromhex("0x1.99999b5265280p-4")


def test_the_replays_tolerances_include_their_bounds(monkeypatch):
    """replay's comparisons are "within": a loss 1e-10 from the recorded one (a loss below 1) is the
    recorded loss, in the rebuilt step and among a step's candidates; a rate 1e-6 x the schedule's
    rate from it is the schedule's, at a step and at the last (whose step then misses the final
    params by 1e-6 of the rate: no rebuild), and a root 1e-6 x a given rate from it is that rate.
    A final param 5e-9 from its rebuilt value (0) is missed: 1e-10 absolute, not 1e-8."""
    from reference.checker import replay
    x = EXACT
    off = x + 1e-6 * x
    assert off - x == 1e-6 * x
    one_hot = {k: np.zeros(s) for k, s in SHAPES.items()}
    one_hot["W1"][0, 0] = 1.0
    monkeypatch.setattr(replay, "loss_and_grads", lambda params, X, y, reg: (0.0, one_hot))
    prob = SimpleNamespace(X=np.zeros((10, 2)), params={k: np.zeros(s) for k, s in SHAPES.items()},
                           kwargs={"reg": 0.0, "batch_size": 10, "num_iters": 1, "learning_rate": x,
                                   "learning_rate_decay": 0.5})

    def final(rate):
        return {k: -rate * v for k, v in one_hot.items()}

    steps = replay.replayed_steps(traced({"trace/loss_history": np.array([1e-10])}, final(x)), prob, [(None, None)])
    assert [step["rate"] for step in steps] == [x]  # the loss 0 is the recorded 1e-10
    assert replay.replayed_steps(traced({"trace/loss_history": np.zeros(1)}, final(off)), prob, [(None, None)]) is None
    beyond = final(x)
    beyond["b2"][0] = 5e-9  # the final params are met to 1e-7 relative and 1e-10 absolute
    assert replay.replayed_steps(traced({"trace/loss_history": np.zeros(1)}, beyond), prob, [(None, None)]) is None
    calls = []
    monkeypatch.setattr(replay, "candidate_rates", lambda t, params, grads, batches, losses, reg, previous, scheduled:
                        calls.append(previous) or iter([off]))
    prob.kwargs["num_iters"] = 3
    replay.replayed_steps(traced({"trace/loss_history": np.zeros(3)}, final(0.0)), prob, [(None, None)] * 3)
    assert calls == [x, x]  # step 0 at x (1 + 1e-6) taken as the schedule's x: the previous rate of step 1
    monkeypatch.undo()
    monkeypatch.setattr(replay, "line_losses", lambda params, grads, X, y, reg, rates_: np.zeros(len(rates_)))
    batches = [(None, None), (None, None)]
    assert list(replay.candidate_rates(0, None, None, batches, [0.0, 1e-10], 0.0, 0.5, x)) == [x, 0.5]
    monkeypatch.setattr(replay, "line_roots", lambda params, grads, X, y, reg, target, scale: [off, 0.7])
    assert list(replay.candidate_rates(0, None, None, batches, [0.0, 0.0], 0.0, 0.5, x)) == [x, 0.5, 0.7]


def test_a_run_of_plain_steps_is_rebuilt_from_its_losses_and_final_params():
    """replay.replayed_steps on the training problem's oracle run (learning_rate 0.9, decay 0.6 after
    iterations 0, 5 and 10): every step's loss the recorded one (to 1e-10 of it), its rate the
    schedule's, the last read off the final params and taken as the schedule's within 1e-6; no
    rebuild without losses, with fewer losses than minibatches, without every final param, with a
    NaN loss, or with a loss 1e-9 off."""
    from reference.checker import replay
    prob = problems.train_problem()
    stats, final, batches = training_checks.oracle_run(prob)
    losses = stats["loss_history"]

    def rebuilt(recorded=losses, params=final):
        obs = traced({"trace/loss_history": recorded}, params)
        return replay.replayed_steps(obs, prob, batches)

    steps = rebuilt()
    schedule = [0.9] + [0.54] * 5 + [0.324] * 5 + [0.1944] * 4
    assert [s["rate"] for s in steps] == pytest.approx(schedule, rel=1e-12)
    assert steps[-1]["rate"] == 0.9 * 0.6 * 0.6 * 0.6  # read off the final params, then the schedule's own
    assert [s["loss"] for s in steps] == pytest.approx(list(losses), rel=1e-12)
    assert rebuilt(losses * (1 + 9e-11)) is not None  # the first loss, 1.33, is 1.2e-10 off: 1e-10 of it
    assert rebuilt(losses + 1.5e-10 * (np.arange(len(losses)) == 0)) is None  # 1.5e-10 is past 1e-10 of 1.33
    p, g = steps[-1]["params"], steps[-1]["grads"]
    off_rate = rebuilt(params={k: p[k] - 0.1944 * (1 + 2e-6) * g[k] for k in p})
    assert off_rate[-1]["rate"] == pytest.approx(0.1944 * (1 + 2e-6), rel=1e-9)  # 2e-6 off: not the schedule's
    assert rebuilt(params={k: v * (1 + 1e-6) for k, v in final.items()}) is None  # no rate ends there (1e-7)
    assert rebuilt(None) is None and rebuilt(losses[:-1]) is None
    assert rebuilt(params={k: v for k, v in final.items() if k != "b2"}) is None
    assert rebuilt(np.where(np.arange(len(losses)) == 3, np.nan, losses)) is None
    assert rebuilt(losses * (1 + 1e-9)) is None
