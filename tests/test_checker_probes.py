"""The diagnosis's probes, one test each, and its rule: a cause is named only when it explains
every part of every problem; a cause that contradicts a passing check is never named.

Nets are checked in this process (tests/checker_impls/inprocess.py); the rule is also tested on
synthetic evidence: the catalogue's own outputs, with one part put right.
"""

import numpy as np
import pytest

from reference.checker import (backward, causes, diagnosis, evidence, explain, histories, hypotheses, mistakes,
                               predictions, rates, regularisers, report, run, structure, training_checks)
from tests.checker_impls.bugs import LOSS, buggy_source
from tests.checker_impls.bugs_beyond import BEYOND as BEYOND_EDITS
from tests.checker_impls.lines import ARGMAX, HIDDEN_IN, PREDICT_HIDDEN, SCORES, SHIFT, UPDATE, W1_INIT, W2_INIT
from tests.checker_impls.inprocess import checked
from tests.checker_impls.unknown_bugs import unknown_source


def bug(cause):
    return checked(f"bug_{cause}", buggy_source(cause))


def unknown(name):
    return checked(f"unknown_{name}", unknown_source(name))


def edited(name, edits):
    return checked(name, buggy_source(name, edits))


class Recorded:
    """An observation made of given outputs per problem (a loss function's, so the toy problem
    runs at the notebook's params); the numeric gradient is the exact gradient of its loss."""

    def __init__(self, outputs):
        self.mode, self.meta, self.errors, self.arrays = "function", {}, {}, {}
        for name, out in outputs.items():
            self.arrays[f"{name}/loss"] = np.float64(out["loss"])
            for k in evidence.NAMES:
                self.arrays[f"{name}/grads/{k}"] = np.asarray(out["grads"][k])
                if name == "toy":
                    self.arrays[f"numeric/{k}"] = np.asarray(out["loss_grads"][k])

    def get(self, key):
        return self.arrays.get(key)

    def params(self, prefix):
        return {}


@pytest.fixture(scope="module")
def problems_outputs():
    """(args, truths, {cause: {problem: outputs}}) for the function-mode problems."""
    run.setup_jax()
    args = evidence.inputs(Recorded({}))
    truths = {n: mistakes.truth(*a) for n, a in args.items()}
    variants = {n: mistakes.catalogue(*a) for n, a in args.items()}
    return args, truths, {m.id: {n: variants[n][m.id] for n in args} for m in mistakes.CATALOGUE}


def name_of(outputs, args, truths):
    """The id of the cause named for these outputs, or None."""
    obs = Recorded(outputs)
    named = explain.name_cause(evidence.all_parts(obs, truths), truths, args)
    return named and named.cause


def put_right_one_at_a_time(outputs, truths):
    """The outputs with one wrong part put right (the truth's), for a few parts spread over the problems."""
    parts = evidence.all_parts(Recorded(outputs), truths)
    wrong = [p for ps in parts.values() for p in ps if p.failed and not p.key.startswith("numeric")]
    for part in wrong[:: max(1, len(wrong) // 4)]:
        fixed = {n: {"loss": o["loss"], "grads": dict(o["grads"]), "loss_grads": o["loss_grads"]}
                 for n, o in outputs.items()}
        kind, _, k = part.key.partition("/")
        if kind == "loss":
            fixed[part.problem]["loss"] = truths[part.problem]["loss"]
        else:
            fixed[part.problem]["grads"][k] = truths[part.problem]["grads"][k]
        yield part, fixed


@pytest.mark.parametrize("cause", [m.id for m in mistakes.CATALOGUE if m.id != "float32"])
def test_a_cause_contradicting_a_passing_check_is_never_named(problems_outputs, cause):
    """The variant's own outputs name it; put right one part where it differs from the truth
    (that check now passes) and it is never named, whatever else may be."""
    args, truths, variants = problems_outputs
    outputs = variants[cause]
    assert name_of(outputs, args, truths) == cause
    for part, fixed in put_right_one_at_a_time(outputs, truths):
        named = name_of(fixed, args, truths)
        assert named != cause, (part.problem, part.key, named)


@pytest.fixture(scope="module")
def pool_outputs(problems_outputs):
    """{(cause, mode): outputs} of the first hypothesis of each cause beyond the catalogue that does not
    depend on the evidence, and one of a fitted family's, built here."""
    args, truths, _ = problems_outputs
    pool = [*hypotheses.hypotheses(args, truths), *regularisers.hypotheses(args, truths),
            *backward.hypotheses(args, truths)]
    out = {}
    for named, outputs in pool:
        out.setdefault((named.cause, named.mode), outputs)
    over_n = {}  # a fitted family's: W2's reg gradient 2 reg W2 / N
    for n, t in truths.items():
        params, _, y, reg = args[n]
        data_grads = evidence.split_truth(args[n], t)[1]
        over_n[n] = dict(t, grads={**t["grads"], "W2": data_grads["W2"] + 2 * reg * params["W2"] / len(y)})
    out[("reg_gradient_over_n", "consistent")] = over_n
    return out


BEYOND = [("softmax_column_max", "usual"), ("loss_all_pairs", "loss_only"), ("relu_on_scores", "usual"),
          ("b1_subtracted", "consistent"), ("tanh_hidden", "loss_path"), ("reg_l1", "loss_only"),
          ("reg_mean", "consistent"), ("dW2_from_hidden_gradient", "consistent"),
          ("relu_derivative_wrong", "consistent"), ("dscores_plus_one", "consistent"),
          ("reg_gradient_over_n", "consistent"), ("b1_after_relu", "usual_h1_mask"),
          ("b1_after_relu", "usual_notebook_mask"), ("no_relu", "usual_notebook_hidden")]


@pytest.mark.parametrize("cause, mode", BEYOND)
def test_a_cause_beyond_the_catalogue_contradicting_a_passing_check_is_never_named(problems_outputs, pool_outputs,
                                                                                    cause, mode):
    """The same rule for the formulas, regularisers, backward passes and fitted families beyond the
    catalogue."""
    args, truths, _ = problems_outputs
    outputs = pool_outputs[(cause, mode)]
    assert name_of(outputs, args, truths) == cause
    for part, fixed in put_right_one_at_a_time(outputs, truths):
        assert name_of(fixed, args, truths) != cause, (part.problem, part.key)


def test_two_causes_that_explain_everything_name_none(problems_outputs, pool_outputs, monkeypatch):
    """Beyond the catalogue, a cause is named only when every hypothesis that explains the
    evidence is that one cause."""
    args, truths, _ = problems_outputs
    outputs = pool_outputs[("reg_l1", "loss_only")]
    assert name_of(outputs, args, truths) == "reg_l1"
    twin = [(causes.Named("reg_l1", ("W1",)), outputs), (causes.Named("reg_mean", ("W1",)), outputs)]
    monkeypatch.setattr(explain, "pool", lambda *a: twin)
    assert name_of(outputs, args, truths) is None
    monkeypatch.setattr(explain, "pool", lambda *a: twin[:1] * 2)  # the same cause twice: named
    assert name_of(outputs, args, truths) == "reg_l1"


def test_float32_is_named_only_when_its_rounding_shows_on_every_problem(problems_outputs):
    args, truths, variants = problems_outputs
    assert name_of(variants["float32"], args, truths) == "float32"
    # exact everywhere but a float32-sized error on the large scores alone: not float32
    outputs = {n: dict(t) for n, t in truths.items()}
    outputs["large_scores"] = dict(truths["large_scores"], loss=truths["large_scores"]["loss"] + 3e-3)
    assert name_of(outputs, args, truths) is None


def test_an_error_on_large_scores_alone_is_not_called_float32():
    """The net is exact on every problem but the large-scores one, where its loss is 3e-3 off."""
    result = edited("large_scores_offset", [(LOSS, LOSS + "\n        if np.max(scores) > 1000:\n"
                                                   "            loss += 3e-3  # BUG")])
    summary = result.summary()
    assert summary["cause"] is None and summary["part"] == "data_loss"
    assert "only when the scores are large" in summary["structure"]


def test_reg_zero_against_reg_positive_locates_the_regulariser():
    summary = unknown("l1_regulariser").summary()
    assert summary["part"] == "regulariser" and "only on the problems with reg > 0" in summary["structure"]


def test_a_parameter_the_loss_does_not_depend_on_is_found():
    """b1 left out of the forward pass: the numeric gradient of the code's own loss for b1 is 0."""
    finding = bug("b1_left_out").findings[0]
    assert finding.part == "scores" and "your loss does not depend on b1" in finding.structure


def test_a_loss_that_moves_when_every_score_moves_is_not_a_softmax():
    """log(1 + sum exp(s)) instead of log(sum exp(s)): shifting every score changes it."""
    result = edited("shift_variant", [(LOSS, "loss = -np.mean(scores[np.arange(N), y] - np.log(1 + np.sum("
                                             "np.exp(scores), axis=1)))  # BUG")])
    summary = result.summary()
    assert summary["part"] == "data_loss" and "shifted by the same constant" in summary["structure"]
    assert summary["cause"] is None


def test_a_backward_pass_that_follows_its_own_wrong_forward_is_told_so():
    finding = bug("labels_off_by_one").findings[0]
    assert finding.part == "data_loss"
    assert "your backward matches your forward; your forward computes a different function" in finding.structure


def test_a_right_forward_with_a_wrong_backward_names_the_gradient():
    finding = bug("gradient_averaged_twice").findings[0]
    assert finding.part == "gradient" and finding.params == ("b2",) and finding.backward_agrees is False
    assert "your forward is right; your backward differs for b2" in finding.structure
    assert "a constant factor 0.2" in finding.structure


def test_scores_off_by_a_per_class_constant_name_the_bias():
    assert "a per-column (per-class) offset equal to 1 x b2" in unknown("b2_twice").summary()["structure"]


def test_a_difference_only_where_a_pre_activation_is_negative():
    assert "0.01 x min(z1, 0) W2" in unknown("leaky_relu_forward").summary()["structure"]
    assert "1 x the gradient through inactive ReLU units" in bug("relu_mask_missing").findings[0].structure


def test_a_gradient_difference_proportional_to_reg_and_the_weight():
    structure_text = bug("reg_grad_no_factor_2").findings[0].structure
    assert "only on the problems with reg > 0" in structure_text and "-1 x reg * W1" in structure_text


def test_structure_of_a_difference():
    want = np.array([[1.0, -2.0, 0.5], [0.5, 4.0, -1.0]])
    assert structure.factor(3 * want, want) == "a constant factor 3"
    assert structure.factor(-want, want) == "the sign flipped"
    assert structure.factor(want, want) is None
    b = np.array([0.1, -0.2, 0.3])
    assert structure.offsets(np.tile(2 * b, (2, 1)), {"b2": b}) == "a per-column (per-class) offset equal to 2 x b2"
    assert "per-row (per-example) offset [1, -1]" in structure.offsets(np.array([[1.0] * 3, [-1.0] * 3]))
    assert structure.offsets(np.full((2, 3), 0.5)) == "every entry off by the same constant 0.5"
    assert structure.describe(np.array([np.nan, 1.0]), np.ones(2)) == "1 entries are NaN or inf"
    assert structure.describe(np.ones(2), np.ones((2, 2))) == "shape (2,), expected (2, 2)"
    assert structure.along(0.5 * b, {"b": b}) == "the difference is 0.5 x b"
    assert structure.describe(want + np.eye(2, 3), want) is None  # no simple shape: none claimed
    assert "(1, 1): expected 4, got 5" in structure.worst_entries(want + np.eye(2, 3), want)


def test_where_a_difference_shows():
    regs = {"toy": 0.05, "reg_zero": 0.0, "reg_large": 1.0, "large_scores": 0.05}
    assert structure.where_it_shows(["large_scores"], regs) == "only when the scores are large (~5000)"
    assert structure.where_it_shows(["toy", "reg_large", "large_scores"], regs).startswith(
        "only on the problems with reg > 0")
    assert structure.where_it_shows(["toy", "reg_large"], regs) == "on toy, reg_large, all with reg > 0 (those with reg = 0 pass)"
    assert structure.where_it_shows(list(regs), regs) == "on every problem"


def test_a_train_that_fails_on_the_loss_wrong_outputs_is_a_consequence():
    """W2's gradient transposed: train's update raises on its shape; that is the gradient's doing."""
    result = unknown("dW2_transposed")
    assert [f.part for f in result.findings] == ["gradient"]
    assert "train_steps" in result.consequences and "shape (3, 10), expected (10, 3)" in result.findings[0].structure


def test_histories_and_decay_at_the_same_wrong_iterations_are_one_mistake_the_epoch_test():
    """iterations_per_epoch = num_train * batch_size: the accuracies recorded and the rate decayed
    after iteration 0 only; one mistake, named where the epochs show (the histories)."""
    result = unknown("epoch_length_product")
    (finding,) = result.findings
    assert (finding.part, finding.cause) == ("training_histories", "epoch_boundaries_wrong")
    assert set(finding.checks) == {"train_acc_history", "val_acc_history", "train_learning_rate"}
    assert finding.checks[0].endswith("_history")
    assert "recorded after iteration 0, and the rate decayed there too, instead of after iterations 0, 5 and 10" in finding.structure


def test_an_init_of_other_shapes_is_the_init_s_mistake_alone():
    """W2 drawn as (C, H) and transposed back in loss: the toy model ran on other params than the
    notebook's, so its checks follow from the init; every other problem passes."""
    result = edited("init_transposed", [
        ('self.params["W2"] = std * np.random.randn(hidden_size, output_size)',
         'self.params["W2"] = std * np.random.randn(output_size, hidden_size)  # BUG'),
        ('W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))',
         'W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))\n'
         '        W2 = W2 if W2.shape[0] == W1.shape[1] else W2.T')])
    assert [(f.part, f.cause) for f in result.findings] == [("init", "init_differs")]
    assert {"toy_loss", "gradients"} <= set(result.consequences)


def test_hidden_values_kept_in_the_inputs_dtype_show_on_integer_inputs_alone():
    """integer_inputs: X as int64 (raw pixels); a hidden layer written into a buffer of X's dtype
    truncates there and nowhere else: the forward pass, located and described, not named."""
    result = edited("hidden_in_x_dtype", [(HIDDEN_IN, "hidden_in = np.empty((X.shape[0], W1.shape[1]), X.dtype)  # BUG\n"
                                                      "        hidden_in[...] = X @ W1 + b1")])
    summary = result.summary()
    assert [c.name for c in result.checks if not c.passed] == ["integer_inputs"]
    assert (summary["part"], summary["cause"]) == ("scores", None)
    assert structure.SPECIAL["integer_inputs"] in summary["structure"]


def test_a_loss_that_refuses_integer_inputs_passes_and_verbose_says_so():
    """integer_inputs: raising there, and only there, is no mistake (the notebook's inputs are floats);
    the check passes and --verbose shows the error."""
    result = edited("int_inputs_refused", [(HIDDEN_IN, 'assert X.dtype.kind == "f", "float inputs only"  # refused\n'
                                                       "        hidden_in = X @ W1 + b1")])
    assert result.passed, [(c.name, c.diagnosis) for c in result.checks if not c.passed]
    check = next(c for c in result.checks if c.name == "integer_inputs")
    assert "float inputs only" in check.diagnosis
    assert "float inputs only" in report.render(result, verbose=True)
    assert "float inputs only" not in report.render(result)


def test_a_net_whose_layers_hold_the_arrays_it_was_built_with_is_checked_through_them():
    """Each problem's params are written into the net's own arrays, as the notebook's gradient check and
    update change them: a correct net whose forward pass and predict read arrays kept apart from the
    dict (the same arrays) passes; with an update that puts new arrays in self.params it fails, the
    update's, every step's loss at the first params."""
    rebinding = BEYOND_EDITS["loss_reads_first_params"]  # the layers' arrays kept in __init__, read, and the update
    layered = edited("layers_hold_arrays", [e for e in rebinding if "BUG: new arrays" not in e[1]])
    assert layered.passed, [(c.name, c.diagnosis) for c in layered.checks if not c.passed]
    rebound = edited("layers_hold_arrays_rebound", rebinding)
    assert (rebound.summary()["part"], rebound.summary()["cause"]) == ("training_update", "loss_reads_first_params")
    assert next(c for c in rebound.checks if c.name == "predict").consequence_of == "train_steps"


def test_a_softmax_shifted_by_the_batch_max_shows_when_rows_lie_far_apart():
    """rows_apart: a correct softmax is exact on a batch whose rows' scores lie ~1000 apart; one
    shifted by the batch's largest score underflows there, alone among the problems."""
    result = edited("batch_max", [(SHIFT, "stable = scores - np.max(scores)  # BUG")])
    assert [c.name for c in result.checks if not c.passed] == ["rows_apart"]
    assert result.summary()["cause"] == "softmax_global_max"


def test_predict_on_one_row_returns_labels_of_shape_one():
    """predict(X) with one row must give shape (1,): a squeeze that gives a 0-d array is predict's."""
    squeezed = ARGMAX.replace("np.argmax(", "np.argmax(np.squeeze(").replace(", axis=1)", "), axis=-1)  # BUG")
    result = edited("predict_squeeze", [(ARGMAX, squeezed)])
    summary = result.summary()
    assert [c.name for c in result.checks if not c.passed] == ["predict"]
    assert (summary["part"], summary["cause"]) == ("predict", None)
    assert "on one row" in summary["structure"] and "shape ()" in summary["structure"]


def test_every_array_given_to_predict_outlives_the_observation():
    """A cache keyed by id(X) must never see another array's id: each array the checker hands to
    predict (outside train) stays alive until the observation ends. This correct net raises when an
    earlier one has been freed, so it passes only if none is."""
    track = ("        if not getattr(self, 'training', False):  # the checker's own arrays, not train's batches\n"
             "            GIVEN.append(weakref.ref(X))\n"
             "            if any(given() is None for given in GIVEN):\n"
             "                raise RuntimeError('an array given to predict earlier was freed')\n")
    result = edited("predict_tracks_its_inputs", [
        ("import numpy as np", "import weakref\n\nimport numpy as np\n\nGIVEN = []"),
        ("num_train = X.shape[0]", "self.training = True\n        num_train = X.shape[0]"),
        ('return {"loss_history"', 'self.training = False\n        return {"loss_history"'),
        (f"        {PREDICT_HIDDEN}", f"{track}        {PREDICT_HIDDEN}")])
    assert result.passed, result.summary()


@pytest.mark.parametrize("original, init, said", [
    ("np.zeros(hidden_size)", "np.zeros((1, hidden_size))", "b1 (shape (1, 10), not (10,))"),
    ("np.zeros(hidden_size)", "np.zeros(hidden_size, dtype=int)", "b1 (dtype int64, not float64)"),
    ("np.zeros(hidden_size)", "np.zeros(hidden_size, dtype=np.float32)", "b1 (dtype float32, not float64)"),
    (W1_INIT, W1_INIT + ".astype(np.float32)", "W1 (dtype float32, not float64)")])
def test_the_init_is_judged_in_shape_and_dtype_not_only_in_value(original, init, said):
    """Zero biases of another shape or dtype equal the notebook's values, and float32 weights nearly
    do; the init is still the mistake, with the checks that show it (the toy model's gradients, on
    rounded params) as its evidence."""
    result = edited("init_" + "_".join(said.split()[:3]).strip("(,"), [(original, init + "  # BUG")])
    summary = result.summary()
    assert (summary["part"], summary["cause"]) == ("init", "init_differs")
    assert said in result.findings[0].structure


def test_biases_kept_at_the_first_rate_are_the_rate_s_mistake_not_the_update_s():
    """A schedule gives every param one rate at each step: biases that keep the first rate while the
    weights decay are located in the rate (which params get which rate) and named so."""
    result = edited("decay_weights_only", [
        ("            for name in self.params:\n                " + UPDATE,
         "            for name in self.params:  # BUG: the biases keep the first rate\n                "
         "self.params[name] -= (learning_rate if name.startswith('W') else learning_rate_0) * grads[name]"),
        ("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        learning_rate_0 = learning_rate\n")])
    summary = result.summary()
    assert (summary["part"], summary["cause"]) == ("training_rate", "lr_undecayed_for_params")
    assert "the params' rates differ" in summary["structure"]
    assert "b1 and b2 stepped at the learning_rate given, 0.9, at every step" in summary["structure"]


def test_a_correct_net_in_float32_parameters_is_not_blamed_for_its_rates():
    """The rates are judged beyond the rounding of the params' own dtype: float32 grads (float32
    arithmetic) make steps rounded to float32, named float32 once, not a learning-rate mistake."""
    result = bug("float32")
    assert [f.cause for f in result.findings] == ["float32"]
    assert next(c for c in result.checks if c.name == "train_learning_rate").consequence_of or \
        next(c for c in result.checks if c.name == "train_learning_rate").passed


def test_labels_past_255_come_back_as_they_are():
    """predict with 300 classes: labels cast to uint8 wrap past 255; predict's own mistake."""
    result = edited("predict_uint8", [(ARGMAX, ARGMAX.replace(", axis=1)", ", axis=1).astype(np.uint8)  # BUG"))])
    summary = result.summary()
    assert [c.name for c in result.checks if not c.passed] == ["predict"]
    assert (summary["part"], summary["cause"]) == ("predict", None) and "300 classes" in summary["structure"]


def test_a_raise_that_follows_scores_of_another_shape_is_the_forward_pass_s():
    """loss(X) on one example returning scores of shape (C,) (the batch axis squeezed away), so
    that loss(X, y) raises in the data loss: located in the forward pass, where the shape is lost."""
    result = edited("squeezed_scores", [(SCORES, "scores = np.squeeze(hidden @ W2 + b2)  # BUG")])
    summary = result.summary()
    assert (summary["part"], summary["cause"]) == ("scores", None)
    assert "returned scores of shape (3,), expected (1, 3)" in summary["structure"]


@pytest.mark.parametrize("code, part", [("data_loss = -np.sum(Y * log_P) / n", None),
                                        ("dW2 = hidden.T @ dscores", "gradient"), ("dz = dh * mask", "gradient"),
                                        ("grads['b1'] = db", "gradient"), ("dscores /= N", "gradient")])
def test_a_line_that_raised_is_the_backward_pass_s_only_when_it_names_a_gradient(code, part):
    assert diagnosis.raised_in(f"ValueError: x (net.py, line 3: {code})") == part


def test_a_param_moved_up_its_gradient_is_the_update_s_mistake():
    """One param's rate negative (b2 += lr * grad): the update, not the schedule; at the schedule's rate,
    the others down their gradients, it is named (update_ascends, that param's line)."""
    result = edited("b2_ascends", [("            for name in self.params:\n                " + UPDATE,
                                    "            for name in self.params:\n                sign = -1 if name == 'b2' "
                                    "else 1  # BUG: b2 up its gradient\n                self.params[name] -= sign * "
                                    "learning_rate * grads[name]")])
    summary = result.summary()
    assert (summary["part"], summary["cause"]) == ("training_update", "update_ascends")
    assert "b2 moved up the gradient at the schedule's rate, the others down it" in summary["structure"]


def test_predict_wrong_past_a_block_of_rows_is_the_forward_pass_s_when_loss_is_too():
    """A forward pass that drops the rows past its last whole block of 256, with predict the argmax of
    loss(X): the loss problems (5 rows) cannot show it; predict on 300 rows does, and loss(X) on those
    rows says it is the forward pass, not predict."""
    blocked = ("hidden_in = X @ W1 + b1\n        if N > 256:  # BUG: blocks of 256, the tail dropped\n"
               "            hidden_in[256:] = 0")
    through_loss = ("hidden = np.maximum(X @ self.params[\"W1\"] + self.params[\"b1\"], 0)\n"
                    "        return np.argmax(self.loss(X), axis=1)\n        ")
    result = edited("blocked_forward", [(HIDDEN_IN, blocked), (PREDICT_HIDDEN, through_loss)])
    summary = result.summary()
    assert (summary["part"], summary["cause"]) == ("scores", None)
    assert "on 300 rows returned other scores on 44 of them (rows 256-299)" in summary["structure"]


def test_predict_returning_none_is_predicts_mistake_not_the_checkers():
    """predict returning None (no array of labels): the predict check fails and says so, the accuracy
    histories are its consequences; the judge does not fail on it."""
    result = edited("predict_none", [(ARGMAX, ARGMAX.replace("return np.argmax", "labels = np.argmax")
                                      + "\n        return None  # BUG: the labels never returned")])
    assert [c.name for c in result.checks if not c.passed and not c.consequence_of] == ["predict"]
    assert (result.summary()["part"], result.summary()["cause"]) == ("predict", None)
    assert "no array of labels" in result.summary()["structure"]


def test_a_net_whose_params_property_hands_out_copies_is_given_params_by_assignment():
    """A correct net whose params property returns copies (and whose setter stores a dict): writing into
    what it hands out would write nowhere, so the checker gives it each problem's params by assignment."""
    prop = ("class TwoLayerNet:\n", "class TwoLayerNet:\n    @property\n    def params(self):\n"
            "        return {k: v.copy() for k, v in self._params.items()}\n\n    @params.setter\n"
            "    def params(self, value):\n        self._params = dict(value)\n\n")
    init = [("        self.params = {}\n", "        params = {}\n"), (W1_INIT, W1_INIT.replace("self.params", "params")),
            ('self.params["b1"] = np.zeros(hidden_size)', 'params["b1"] = np.zeros(hidden_size)'),
            (W2_INIT, W2_INIT.replace("self.params", "params")),
            ('        self.params["b2"] = np.zeros(output_size)\n',
             '        params["b2"] = np.zeros(output_size)\n        self.params = params\n')]
    update = ("            for name in self.params:\n                " + UPDATE + "\n",
              "            self.params = {k: p - learning_rate * grads[k] for k, p in self.params.items()}\n")
    result = edited("params_property_copies", [prop, *init, update])
    assert result.passed, [(c.name, c.diagnosis) for c in result.checks if not c.passed]


def test_the_history_and_rate_readings_on_values_worked_by_hand():
    """The readings behind the causes of whole epochs, per-epoch means, one list for three histories,
    a moving average, the best so far, a group's multiplier and predict's softmax over the examples,
    each on values small enough to work out by hand."""
    assert training_checks.whole_epochs(11, 2) == {10: "down", 12: "up"}
    assert training_checks.whole_epochs(15, 5) == {} and training_checks.whole_epochs(3, 5) == {5: "up"}
    assert histories.epoch_means([1.0, 2.0, 3.0, 4.0, 5.0], [0, 2, 4]) == [1.5, 3.5, 5.0]
    assert histories.all_in_one([1.0, 2.0, 3.0], [0.5, 0.7], [0.6, 0.8], [0, 2]) == [1.0, 0.5, 0.6, 2.0, 3.0, 0.7, 0.8]
    b = histories.ema_factor(np.array([1.0, 0.9 * 1.0 + 0.1 * 2.0]), [1.0, 2.0])
    assert b == pytest.approx(0.9) and histories.smoothed(b, [1.0, 2.0, 3.0]) == pytest.approx([1.0, 1.1, 1.29])
    assert np.isnan(histories.ema_factor(np.array([1.0, 3.0]), [1.0, 2.0])) and histories.smoothed(np.nan, [1.0]) == []
    assert list(histories.best_so_far([0.5, 0.4, 0.6])) == [0.5, 0.5, 0.6] and histories.best_so_far([0.5, 0.4]) == []
    ratio = np.array([[1.0, 2.0, 1.0, 2.0], [1.0, 2.0, 1.0, 2.0]])  # W1, b1, W2, b2
    assert rates.multiplied_group(ratio) == (["b1", "b2"], 2.0)
    assert rates.multiplied_group(np.ones((2, 4))) is None and rates.multiplied_group(2 * np.ones((2, 4))) is None
    e = np.e
    assert predictions.column_softmax(np.array([[0.0, 1.0], [1.0, 0.0]])) == pytest.approx(
        np.array([[1 / (1 + e), e / (1 + e)], [e / (1 + e), 1 / (1 + e)]]))


def test_the_fixed_problems_hold_what_their_docstrings_promise():
    """The skeleton's seeded init leaves NumPy's global generator as it was; the other sizes'
    problem holds int labels of every class; predict's edge problem has 300 rows, the first 20
    zero and exactly tied, the rest led by their best score by more than 1e-3."""
    from reference import TwoLayerNet
    from reference.checker import problems

    np.random.seed(123)
    params = problems.seeded_init_params(0)
    after = np.random.rand()
    np.random.seed(123)
    assert after == np.random.rand()  # the caller's generator untouched
    np.random.seed(0)
    skeleton = TwoLayerNet(problems.D, problems.H, problems.C, std=1e-4).params
    assert all(np.array_equal(params[k], skeleton[k]) for k in skeleton)

    other = problems.other_sizes_problem()
    assert isinstance(other.y, np.ndarray) and other.y.dtype.kind == "i"
    assert sorted(set(other.y.tolist())) == list(range(problems.OTHER_SIZES[2]))

    params, X = problems.predict_edge_problem()
    scores = np.maximum(X @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]
    assert X.shape == (problems.EDGE_ROWS, problems.D) and not X[:problems.TIED_ROWS].any()
    assert (scores[:problems.TIED_ROWS] == params["b2"]).all() and len(set(params["b2"])) == 1
    best_two = np.sort(scores[problems.TIED_ROWS:], axis=1)[:, -2:]
    assert (best_two[:, 1] - best_two[:, 0] > 1e-3).all()


def test_params_set_in_place_are_written_into_the_nets_arrays_or_given_as_copies():
    """observe.set_in_place, as train's update sets params: into the net's own writable arrays;
    a copy where an array cannot take the values; a dict of copies where what net.params hands
    out is a copy each time (a property)."""
    from reference.checker import observe

    given = {"W1": np.full((2, 3), 2.0), "b1": np.full(3, 3.0)}

    class Plain:
        params = {"W1": np.zeros((2, 3)), "b1": np.zeros(3)}

    plain, own = Plain(), dict(Plain.params)
    observe.set_in_place(plain, given)
    assert all(plain.params[k] is own[k] and np.array_equal(own[k], given[k]) for k in given)

    frozen = np.zeros((2, 3))
    frozen.flags.writeable = False

    class ReadOnly:
        params = {"W1": frozen, "b1": np.zeros(3)}

    read_only = ReadOnly()
    observe.set_in_place(read_only, given)
    assert np.array_equal(read_only.params["W1"], given["W1"]) and read_only.params["W1"] is not given["W1"]

    class Copies:
        def __init__(self):
            self.kept = {"W1": np.zeros((2, 3)), "b1": np.zeros(3)}

        @property
        def params(self):
            return {k: v.copy() for k, v in self.kept.items()}

        @params.setter
        def params(self, value):
            self.kept = value

    copies = Copies()
    observe.set_in_place(copies, given)
    assert all(np.array_equal(copies.kept[k], given[k]) and copies.kept[k] is not given[k] for k in given)
    assert copies.kept is not given


def test_what_flows_through_the_relu_where_it_is_off_by_jax_grad():
    """evidence.inactive_directions against jax.grad: dh1, the data loss's gradient at the hidden
    layer's output, kept where z1 <= 0; the scores min(z1, 0) W2."""
    import jax
    import jax.numpy as jnp

    rng = np.random.default_rng(11)
    params = {"W1": rng.standard_normal((4, 6)), "b1": rng.standard_normal(6),
              "W2": rng.standard_normal((6, 3)), "b2": rng.standard_normal(3)}
    X, y = rng.standard_normal((5, 4)), np.array([0, 2, 1, 1, 0])
    z1 = X @ params["W1"] + params["b1"]
    assert (z1 <= 0).any() and (z1 > 0).any()

    def data_loss(h1):
        scores = h1 @ params["W2"] + params["b2"]
        return -jnp.mean(jax.nn.log_softmax(scores)[jnp.arange(5), y])

    dh1 = np.asarray(jax.grad(data_loss)(jnp.maximum(z1, 0)))
    off = np.where(z1 <= 0, dh1, 0.0)
    got = evidence.inactive_directions((params, X, y, 0.1))
    np.testing.assert_allclose(got["grads/W1"], X.T @ off, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(got["grads/b1"], off.sum(axis=0), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(got["scores"], np.minimum(z1, 0) @ params["W2"], rtol=1e-12)
    with pytest.raises(ValueError, match="an observation holds plain arrays only, not object"):
        evidence.read_array(b"", np.dtype(object), (0,), 0)
