"""The training checks tell apart what a student can get wrong in train's loop: minibatches not
drawn afresh, reg values reported in time order, the decay applied to reg, the learning-rate
check still judged when reg is wrong, blame on loss (not train) for what loss does to its inputs."""

import unittest.mock

import numpy as np

from reference.checker import rates, replay, training_record
from tests.checker_impls.bugs import LR_DECAY, buggy_source
from tests.checker_impls.lines import UPDATE
from tests.checker_impls.inprocess import checked

DRAW = "            indices = np.random.choice(num_train, batch_size, replace=True)\n"


def edited(name, edits):
    return checked(name, buggy_source(name, edits))


def by_name(result):
    return {c.name: c for c in result.checks}


def test_a_minibatch_drawn_once_per_epoch_is_not_a_fresh_draw():
    """Drawn at each epoch boundary and reused until the next: every batch repeats examples, as
    with-replacement draws do, yet most are an earlier batch again."""
    result = edited("batch_per_epoch", [(DRAW, "            if it % iterations_per_epoch == 0:\n"
                                               "                indices = np.random.choice(num_train, batch_size)  # BUG\n")])
    check = by_name(result)["train_sampling"]
    assert not check.passed and check.causes == ["batch_not_redrawn"]
    assert "12 of 15 minibatches are an earlier one again (iteration 1 reuses 0" in check.diagnosis
    assert result.summary()["part"] == "training_sampling"


def test_reg_values_are_reported_in_time_order():
    """reg doubled at every epoch boundary: the values read in the order loss was called with them."""
    result = edited("reg_doubled", [(f"\n                {LR_DECAY}", f"\n                {LR_DECAY}\n"
                                                                     "                reg *= 2  # BUG")])
    check = by_name(result)["train_steps"]
    assert "reg [0.001, 0.002 x5, 0.004 x5, 0.008 x4] in time order" in check.diagnosis
    assert by_name(result)["train_learning_rate"].passed  # still judged, and right
    assert result.summary()["part"] == "training_update" and result.summary()["cause"] is None


def test_decay_applied_to_reg_names_one_mistake_across_two_checks():
    result = checked("bug_decay_applied_to_reg", buggy_source("decay_applied_to_reg"))
    checks = by_name(result)
    assert checks["train_steps"].causes == checks["train_learning_rate"].causes == ["decay_applied_to_reg"]
    assert len(result.findings) == 1 and result.findings[0].checks == ["train_steps", "train_learning_rate"]
    assert "[0.001, 0.0006 x5, 0.00036 x5, 0.000216 x4]" in checks["train_steps"].diagnosis


def test_the_learning_rate_is_judged_when_reg_is_not_passed():
    result = edited("reg_not_passed", [("self.loss(X_batch, y=y_batch, reg=reg)", "self.loss(X_batch, y=y_batch)  # BUG")])
    checks = by_name(result)
    assert not checks["train_steps"].passed and "expected 0.001 at every step" in checks["train_steps"].diagnosis
    assert checks["train_learning_rate"].passed and checks["train_sampling"].passed


def test_train_is_not_blamed_for_what_loss_does_to_its_inputs():
    """loss centres X in place: no_mutation says so; the minibatches train drew are still rows of X."""
    result = edited("loss_mutates_X", [("        N = X.shape[0]\n", "        N = X.shape[0]\n        X -= 0.0 * X + 1e-3  # BUG\n")])
    checks = by_name(result)
    assert not checks["no_mutation"].passed and "changed X in place" in checks["no_mutation"].diagnosis
    assert checks["train_sampling"].passed


def test_rates_read_in_time_order_with_where_they_changed():
    used = np.array([0.3, 0.5, 0.5, 0.25])
    assert rates.rate_changes(used) == "x1.667 after iteration 0, x0.5 after iteration 2"
    assert training_record.values_text(used) == "[0.3, 0.5 x2, 0.25]"


def test_schedules_decay_after_the_update_at_each_boundary():
    right, wrong = rates.schedules(0.3, 0.5, [0, 5, 10], 12)
    assert list(right) == [0.3] + [0.15] * 5 + [0.075] * 5 + [0.0375]  # decays after steps 0, 5, 10
    assert list(wrong["lr_decayed_before_update"][:2]) == [0.15, 0.15]


def test_a_step_that_moves_no_param_is_the_update_s_mistake():
    """The params updated every other iteration only: the rates that are 0 are not a decay."""
    result = edited("update_every_other", [("            for name in self.params:\n",
                                            "            for name in (self.params if it % 2 == 0 else []):  # BUG\n")])
    assert [f.part for f in result.findings] == ["training_update"] and result.summary()["cause"] is None


# train's call of the instance's loss, and a module-level step function of the same file to call instead
LOSS_CALL = "self.loss(X_batch, y=y_batch, reg=reg)"
STEP_FUNCTION = ("class TwoLayerNet", "def sgd_step(params, X_batch, y_batch, reg):\n    net = TwoLayerNet.__new__(TwoLayerNet)\n"
                                      "    net.params = params\n    return net.loss(X_batch, y=y_batch, reg=reg)\n\n\nclass TwoLayerNet")


def test_a_train_stepping_through_its_own_function_is_traced_step_by_step():
    """train computing its gradients through a function of its own file (the class's loss, or a
    module-level step taking the params dict) instead of the instance's loss: each call is traced as
    a step; right, it passes; with the rate halved, the rate is what is wrong, and named."""
    call, step = LOSS_CALL, STEP_FUNCTION
    own = edited("train_by_class_loss", [(call, "TwoLayerNet.loss(self, X_batch, y=y_batch, reg=reg)")])
    assert own.passed, [(c.name, c.diagnosis) for c in own.checks if not c.passed]
    stepped = edited("train_by_step", [step, (call, "sgd_step(self.params, X_batch, y_batch, reg)")])
    assert stepped.passed, [(c.name, c.diagnosis) for c in stepped.checks if not c.passed]
    wrong = edited("train_by_step_halved", [step, (call, "sgd_step(self.params, X_batch, y_batch, reg)"),
                                            ("learning_rate * grads[name]", "0.5 * learning_rate * grads[name]  # BUG")])
    assert wrong.summary()["part"] == "training_rate" and wrong.summary()["cause"] == "lr_scaled", wrong.summary()


def test_the_steps_of_a_train_through_its_own_function_are_seen_and_the_tracer_put_back(tmp_path):
    """The observation itself: every step of the train problem (15 iterations) recorded as it was
    traced, not rebuilt afterwards, and the trace function in place before (a debugger's,
    coverage's) put back after."""
    import sys

    from reference.checker import evidence, observe
    from tests.checker_impls.inprocess import net_file

    call, step = LOSS_CALL, STEP_FUNCTION
    path = net_file("train_by_step_observed", buggy_source("train_by_step", [step, (call, "sgd_step(self.params, X_batch, y_batch, reg)")]))
    before = sys.gettrace()
    assert observe.main(["--path", str(path), "--out", str(tmp_path)]) == 0
    assert sys.gettrace() is before
    obs = evidence.Observation(tmp_path)
    assert obs.meta["trace/calls"] == 15 and obs.get("trace/14/loss") is not None


def test_a_train_whose_steps_cannot_be_seen_is_rebuilt_from_its_outcome():
    """train's gradients from a function that returns a dict, not (loss, grads): no step is seen. Right, it passes.
    With the rate halved, its steps are rebuilt from the recorded losses and the final params (replay.py) and
    the rate is named; with a warm-up too (a rate changing every step, where the root nearest the step before's
    rate is not the one taken: the others are tried); with the recorded losses those of plain steps but the
    final params moved after the loop, no step is rebuilt; with the biases' rate doubled no run of one rate per
    step rebuilds it, so it is judged by its outcome and located no further than the loop; with the minibatches
    drawn from the first rows only, its first loss shows it; with the accuracies recorded before the update,
    or the losses recorded doubled (no rate rebuilds those), its final params are the oracle's, so what it
    records is wrong."""
    call = "loss, grads = self.loss(X_batch, y=y_batch, reg=reg)"
    step = ("class TwoLayerNet", "def sgd_step(net, X_batch, y_batch, reg):\n"
                                 "    return dict(zip(('loss', 'grads'), TwoLayerNet.loss(net, X_batch, y_batch, reg)))"
                                 "\n\n\nclass TwoLayerNet")
    unseen = [step, (call, "out = sgd_step(self, X_batch, y_batch, reg)\n            loss, grads = out['loss'], out['grads']")]
    own = edited("train_unobserved", unseen)
    assert own.passed, [(c.name, c.diagnosis) for c in own.checks if not c.passed]
    halved = edited("train_unobserved_halved", unseen + [("learning_rate * grads[name]",
                                                          "0.5 * learning_rate * grads[name]  # BUG")])
    assert (halved.summary()["part"], halved.summary()["cause"]) == ("training_rate", "lr_scaled"), halved.summary()
    warm = edited("train_unobserved_warmup", unseen + [("learning_rate * grads[name]",
                                                        "learning_rate * min(1.0, (it + 1) / 5) * grads[name]  # BUG")])
    assert (warm.summary()["part"], warm.summary()["cause"]) == ("training_rate", "lr_warmup"), warm.summary()
    with unittest.mock.patch.object(replay, "MAX_TRIED", 0):  # the nearest rate at every step only: no warm-up
        cold = edited("train_unobserved_warmup_no_retries", unseen + [(
            "learning_rate * grads[name]", "learning_rate * min(1.0, (it + 1) / 5) * grads[name]  # BUG")])
    assert cold.summary()["cause"] is None and "never called self.loss" in cold.summary()["structure"], cold.summary()
    biases = edited("train_unobserved_biases", unseen + [("learning_rate * grads[name]", "learning_rate * "
                                                          "(2 if name[0] == 'b' else 1) * grads[name]  # BUG")])
    failed = [c.name for c in biases.checks if not c.passed and not c.consequence_of]
    assert failed == ["train_steps"] and "never called self.loss" in by_name(biases)["train_steps"].diagnosis
    assert biases.summary()["part"] == "training_update"
    moved_after = edited("train_unobserved_moved_after", unseen + [(
        "        return {\"loss_history\": loss_history,",
        "        self.params['b2'] += 0.01  # BUG: a change after the loop\n        return {\"loss_history\": loss_history,")])
    failed = [c.name for c in moved_after.checks if not c.passed and not c.consequence_of]
    assert failed == ["train_steps"], failed  # every loss is a plain step's, the final params are not: none rebuilt
    first_rows = edited("train_unobserved_first_rows", unseen + [(DRAW, DRAW.replace("num_train,", "batch_size,"))])
    assert first_rows.summary()["part"] == "training_sampling", first_rows.summary()
    before = edited("train_unobserved_acc_before", unseen + [
        ("            for name in self.params:\n", "            early = it % iterations_per_epoch == 0 and (\n"
         "                self.predict(X_batch) == y_batch).mean()  # BUG: before the update\n"
         "            for name in self.params:\n"),
        ("train_acc_history.append((self.predict(X_batch) == y_batch).mean())", "train_acc_history.append(early)")])
    assert before.summary()["part"] == "training_histories", before.summary()
    doubled = edited("train_unobserved_losses_doubled", unseen + [("loss_history.append(loss)",
                                                                   "loss_history.append(2 * loss)  # BUG")])
    assert doubled.summary()["part"] == "training_histories", doubled.summary()  # no rate gives those losses
    assert doubled.summary()["structure"].endswith("its final params are that run's, so its steps are, and what it "
                                                   "records is not")


def test_a_rebuilt_step_tries_only_rates_that_give_the_next_loss():
    """The schedule's rate and the step before's are tried first only where the next recorded loss is
    theirs: a rate whose loss is below it (nearer the line's minimum) is not a candidate, and the line
    search finds the rate that gives it."""
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((8, 5)), rng.integers(0, 3, 8)
    params = {k: rng.standard_normal(shape) * 0.5 for k, shape in
              (("W1", (5, 6)), ("b1", (6,)), ("W2", (6, 3)), ("b2", (3,)))}
    loss, grads = replay.loss_and_grads(params, X, y, 1e-3)
    target = float(replay.line_losses(params, grads, X, y, 1e-3, [0.3])[0])
    assert replay.line_losses(params, grads, X, y, 1e-3, [1.4])[0] < target  # the scheduled rate's: lower
    first = next(replay.candidate_rates(0, params, grads, [(X, y), (X, y)], [loss, target], 1e-3, 0.25, 1.4))
    assert abs(first - 0.3) < 1e-9, first


def test_a_decay_formula_is_named_only_when_the_rest_of_every_run_is_right():
    """The decay under its own float epoch test and, besides, one minibatch drawn for the whole run:
    the formula gives every run's decays, but the sampling is wrong, so the decay's cause does not
    explain everything and is not named for it; the sampling's own cause is."""
    result = edited("decay_float_epoch_and_batch_once", [
        (f"\n                {LR_DECAY}", "\n            if it % (num_train / batch_size) == 0:  # BUG: a float\n"
                                          f"                {LR_DECAY}"),
        (DRAW, "            if it == 0:\n                indices = np.random.choice(num_train, batch_size)  # BUG\n")])
    sampling = by_name(result)["train_sampling"]
    assert sampling.causes == ["batch_not_redrawn"], sampling.diagnosis
    assert "lr_decayed_at_wrong_iterations" not in [c for check in result.checks for c in check.causes]
    # with b2 stepped up its gradient instead: the rates' median follows the formula, b2's does not
    b2_up = edited("decay_float_epoch_and_b2_up", [
        (f"\n                {LR_DECAY}", "\n            if it % (num_train / batch_size) == 0:  # BUG: a float\n"
                                          f"                {LR_DECAY}"),
        (UPDATE, "self.params[name] -= (-1 if name == 'b2' else 1) * learning_rate * grads[name]  # BUG")])
    assert "lr_decayed_at_wrong_iterations" not in [c for check in b2_up.checks for c in check.causes]
    assert "b2 moved up the gradient" in by_name(b2_up)["train_learning_rate"].diagnosis


def test_a_rate_scaled_by_the_runs_sizes_is_named_only_when_every_run_agrees():
    """learning_rate / iterations_per_epoch and learning_rate * num_train / batch_size are named from the
    first rate of every run; the same in the main run and the run of 15-row batches, but raising
    (num_train // batch_size: 0 in the runs of larger batches) or another factor in the run of 250-row
    batches, they are not."""
    def cause(name, update):
        return edited(name, [(UPDATE, f"self.params[name] -= {update} * grads[name]  # BUG")]).summary()["cause"]
    assert cause("rate_over_epoch", "learning_rate / iterations_per_epoch") == "lr_over_epoch_length"
    assert cause("rate_over_floor_division", "learning_rate / (num_train // batch_size)") != "lr_over_epoch_length"
    assert cause("rate_times_batches", "learning_rate * num_train / batch_size") == "lr_times_batches_per_epoch"
    assert cause("rate_times_batches_capped", "learning_rate * num_train / min(batch_size, 20)") is None


def test_a_rate_started_at_the_decay_factor_says_so_beside_a_fixed_one():
    """learning_rate_decay taken as the starting rate (then decayed): every run's first rate is the same,
    as a rate fixed in the code gives, and every run has the same decay, so lr_fixed's words say both."""
    result = edited("rate_from_decay", [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n"
                                         "        learning_rate = learning_rate_decay  # BUG: the decay's slot\n")])
    assert result.summary()["cause"] == "lr_fixed", result.summary()
    assert "or learning_rate_decay (0.6 in every run) taken as the learning rate" in result.findings[0].text


def test_a_decay_with_an_epoch_test_of_its_own_is_the_decays_mistake():
    """The decay under its own epoch test, it % (num_train / batch_size) == 0 (a float), the accuracies
    under the right one: the decay is located and named with the formula that gives every run's decays;
    the accuracies, right, are not blamed."""
    result = edited("decay_float_epoch", [(f"\n                {LR_DECAY}", "\n            if it % (num_train / batch_size)"
                                           f" == 0:  # BUG: a float\n                {LR_DECAY}")])
    assert (result.summary()["part"], result.summary()["cause"]) == ("training_decay", "lr_decayed_at_wrong_iterations")
    rate = by_name(result)["train_learning_rate"]
    assert ("the decay's own epoch test (the accuracies' is right), iterations_per_epoch = num_train / batch_size "
            "(true division" in rate.diagnosis), rate.diagnosis
    assert "on 40 rows in batches of 15, the rate decayed after iteration 0 instead of" in rate.diagnosis
    assert by_name(result)["train_acc_history"].passed and by_name(result)["val_acc_history"].passed


def test_a_constant_rate_equal_to_reg_says_so():
    """Every step at reg (reg passed where the rate goes): one constant rate, lr_constant, whose words say
    it is reg's value too (every run has the same reg, so nothing tells it from a rate written in the
    code); a constant rate other than reg does not say so."""
    at_reg = edited("step_at_reg", [(UPDATE, "self.params[name] -= reg * grads[name]  # BUG: reg as the rate")])
    assert at_reg.summary()["cause"] == "lr_constant", at_reg.summary()
    assert "0.001, reg's value too (reg passed as the rate?)" in at_reg.findings[0].text
    fixed = edited("step_at_constant", [(UPDATE, "self.params[name] -= 0.002 * grads[name]  # BUG")])
    assert fixed.summary()["cause"] == "lr_constant" and "reg's value" not in fixed.findings[0].text


def test_a_step_a_whole_multiple_of_the_rate_is_read_as_the_update_repeated():
    """A step of k times the rate for a whole k >= 2 is each param updated k times per iteration with one
    gradient, or a rate k times too large (no run tells them apart): named update_repeated, under the
    update, its title saying both (for k of 2 or 3); any other factor is lr_scaled, under the rate; a
    negative one goes up the gradient, the update's; shown only in a run of other batches, the main
    run's right rates contradict it."""
    update = "                self.params[name] -= learning_rate * grads[name]\n"
    twice = edited("update_applied_twice", [(update, update + update.replace("\n", "  # BUG\n"))])
    assert (twice.summary()["part"], twice.summary()["cause"]) == ("training_update", "update_repeated")
    assert "each param updated 2 times per iteration" in twice.findings[0].text
    assert "or a step of 2 x learning_rate" in twice.findings[0].text
    assert rates.scaled_cause(3.0) == ("update_repeated", "3")
    assert rates.scaled_cause(0.5) == rates.scaled_cause(2.5) == rates.scaled_cause(1.0) == ("lr_scaled", "")
    assert rates.scaled_cause(10.0) == ("lr_scaled", "")  # ten updates a step: a factor in the rate, more likely
    # only in a run of other batches: the main run's right rates contradict it, so it is not named
    extra = edited("update_twice_other_batches", [(UPDATE, "self.params[name] -= (2 if batch_size != 8 else 1) * "
                                                           "learning_rate * grads[name]  # BUG")])
    rate = by_name(extra)["train_learning_rate"]
    assert not rate.passed and rate.causes == [] and "not a known mistake" in rate.diagnosis, rate.diagnosis
    ascends = edited("update_ascends_twice", [(UPDATE, "self.params[name] += 2 * learning_rate * grads[name]  # BUG")])
    assert ascends.summary()["part"] == "training_update" and ascends.summary()["cause"] is None, ascends.summary()


def test_the_toy_run_is_held_to_the_oracles_run_and_located_by_what_gives_it():
    """toy_training: the notebook's toy run must be the NumPy oracle's loss history (the same seed,
    train's defaults), not only end below 0.2. A small reg skipped (the toy's 5e-6), a default decay of
    None read as none, and a run that stops early each pass every other check; the oracle's run with that one change
    locates each (the regulariser, the decay, the loop), no cause named."""
    cases = {"reg_small_skipped": ([("loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))",
                                     "loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2)) if reg > 1e-5 else 0.0  # BUG"),
                                    ('grads["W2"] = hidden.T @ dscores + 2 * reg * W2',
                                     'grads["W2"] = hidden.T @ dscores + (2 * reg * W2 if reg > 1e-5 else 0.0)'),
                                    ('grads["W1"] = X.T @ dhidden + 2 * reg * W1',
                                     'grads["W1"] = X.T @ dhidden + (2 * reg * W1 if reg > 1e-5 else 0.0)')],
                                   "regulariser", "5e-6) not applied"),
             "decay_default_none": ([("learning_rate_decay=0.95", "learning_rate_decay=None"),
                                     ("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        if learning_rate_decay "
                                      "is None:  # BUG: None read as no schedule\n            learning_rate_decay = 1.0\n")],
                                    "training_decay", "never decayed"),
             "stops_at_20": ([("for it in range(num_iters):", "for it in range(min(num_iters, 20)):  # BUG")],
                             "training_update", "first 20 losses of 100")}
    for name, (edits, part, words) in cases.items():
        result = edited(name, edits)
        failed = [c.name for c in result.checks if not c.passed]
        assert failed == ["toy_training"], (name, failed)
        assert (result.summary()["part"], result.summary()["cause"]) == (part, None), name
        assert words in by_name(result)["toy_training"].diagnosis, name


def test_an_iteration_count_one_off_is_named_only_when_the_main_run_is_one_off_too():
    """One iteration more only where the batch is larger than the rows (the run of 16-row batches): a
    loop's bound off by one would be off in the main run too, whose count is right, so no cause is
    named; the same loop run for whole epochs only (the run of 15-row batches, 10 of 11) is named."""
    extra = edited("one_more_iteration_on_big_batches", [
        ("for it in range(num_iters):", "for it in range(num_iters + (batch_size > num_train)):  # BUG")])
    steps = by_name(extra)["train_steps"]
    assert not steps.passed and steps.causes == [], steps.diagnosis
    assert "8 times for 7 iterations" in steps.diagnosis and "count is right" in steps.diagnosis
    whole = edited("whole_epochs_rounded_up", [
        ("for it in range(num_iters):", "for it in range(-(-num_iters // iterations_per_epoch) * "
                                        "iterations_per_epoch):  # BUG")])
    steps = by_name(whole)["train_steps"]
    assert steps.causes == ["iterations_in_whole_epochs"] and "rounded up" in steps.diagnosis, steps.diagnosis


def test_a_rate_of_some_params_fixed_in_the_code_is_neither_undecayed_nor_a_multiplier():
    """The biases stepped at 0.9 in every run: in the main run (learning_rate=0.9) the undecayed rate
    would explain them, but the run at learning_rate=0.5 steps them at 0.9 too, so no cause is named
    and the detail gives that run's first rates."""
    result = edited("bias_rate_fixed_at_0_9", [
        (UPDATE, "self.params[name] -= (0.9 if name.startswith('b') else learning_rate) * grads[name]  # BUG")])
    rate = by_name(result)["train_learning_rate"]
    assert rate.causes == [] and rate.part == "training_rate", rate.diagnosis
    assert "with learning_rate=0.5 the first step's rates were W1 0.5, b1 0.9, W2 0.5, b2 0.9, not the same " \
           "multiples" in rate.diagnosis
