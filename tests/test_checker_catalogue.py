"""The checker on its causes: correct nets in several styles pass, each buggy net fails with its
cause named and its part located, and nets with mistakes beyond the catalogue are located and named
only where a known cause explains them. Checked in this process (tests/checker_impls/inprocess.py):
the catalogue's nets in the everyday tier, the nets of the causes beyond it in the slow one.

The buggy nets are written from tests/checker_impls/bugs.py (one per cause the checker can name)
and tests/checker_impls/unknown_bugs.py (mistakes outside the catalogue, some of them named).
"""

import re
from pathlib import Path

import numpy as np
import pytest

from reference.checker import causes, mistakes, report
from tests.checker_impls.bugs import BUGS, buggy_source
from tests.checker_impls.bugs_beyond import BEYOND
from tests.checker_impls.inprocess import check_here, checked, report_shape
from tests.checker_impls.unknown_bugs import STYLED, UNKNOWN, styled_source, unknown_source

IMPLS = Path(__file__).parent / "checker_impls"
CORRECT = ["correct_vectorised.py", "correct_loops.py", "correct_functional.py"]


def bug(cause):
    return checked(f"bug_{cause}", buggy_source(cause))


def test_catalogue_has_a_buggy_implementation_per_cause():
    assert len(mistakes.BY_ID) >= 12
    assert sorted(mistakes.BY_ID) == sorted(BUGS)
    assert {m.part for m in mistakes.BY_ID.values()} <= set(causes.PARTS)


def test_bug_table_marks_one_mistake_per_cause():
    correct = (IMPLS / "correct_vectorised.py").read_text()
    for cause in BUGS:
        source = buggy_source(cause)
        assert source != correct and "# BUG" in source and f"cause `{cause}`" in source


@pytest.mark.parametrize("name", CORRECT)
def test_correct_implementations_pass_every_check(name):
    result = check_here(IMPLS / name)
    assert result.error is None
    assert not {c.name: c.diagnosis for c in result.checks if not c.passed}
    assert result.status == 0 and result.findings == [] and len(result.checks) == 25
    assert result.summary()["part"] is None and result.summary()["cause"] is None


# The reg term's gradient alone made wrong (causes.REG_TERM_GRADIENT): the gradient's part for one
# param, the regulariser's for several; each net's edit and the params it touches.
REG_TERM_GRADIENT_NETS = {
    "bias_reg_gradient": ("gradient", ["b2"]), "reg_grad_no_factor_2": ("regulariser", ["W1", "W2"]),
    "reg_gradient_from_gradient": ("gradient", ["W1"]), "reg_gradient_missing": ("gradient", ["W2"]),
    "reg_gradient_over_n": ("gradient", ["W1"]), "reg_gradient_scaled": ("gradient", ["W2"]),
    "reg_gradient_sign": ("gradient", ["W2"]), "reg_gradient_times_n": ("gradient", ["W2"]),
}


def test_the_reg_term_gradient_nets_are_the_reg_term_gradient_causes():
    assert set(REG_TERM_GRADIENT_NETS) == causes.REG_TERM_GRADIENT


# The catalogue's nets in the everyday tier; those of the causes beyond it in the slow one.
BUG_CASES = [pytest.param(c, marks=[pytest.mark.slow] if c in BEYOND else []) for c in sorted(BUGS)]


@pytest.mark.parametrize("cause", BUG_CASES)
def test_each_buggy_implementation_fails_with_its_cause_named(cause):
    result = bug(cause)
    assert result.error is None and result.status == 1
    summary = result.summary()
    assert summary["cause"] == cause, (summary, [(c.name, c.diagnosis) for c in result.checks if not c.passed])
    assert summary["part"] == REG_TERM_GRADIENT_NETS.get(cause, (mistakes.BY_ID[cause].part,))[0], summary
    if cause in REG_TERM_GRADIENT_NETS:
        assert summary["params"] == REG_TERM_GRADIENT_NETS[cause][1], summary
    named = [c for c in result.checks if not c.passed and cause in c.causes]
    assert named and all(f"[cause: {cause}]" in c.diagnosis for c in named)
    assert all(c.passed or c.diagnosis for c in result.checks)  # every failure says something
    assert len(result.findings) == 1  # one mistake, one finding
    assert not report_shape(result, report.render), report.render(result)


def net_of(source, params):
    """The TwoLayerNet that ``source`` defines, at the toy's sizes, holding copies of ``params``."""
    namespace = {}
    exec(compile(source, "net.py", "exec"), namespace)
    net = namespace["TwoLayerNet"](4, 10, 3)
    net.params = {k: np.array(v) for k, v in params.items()}
    return net


def buggy_net(cause, params):
    """The buggy NumPy net of ``cause`` (tests/checker_impls/bugs.py) holding ``params``."""
    return net_of(buggy_source(cause), params)


@pytest.mark.parametrize("cause", [m.id for m in mistakes.CATALOGUE])
def test_each_mistake_of_the_catalogue_computes_what_its_buggy_net_computes(cause):
    """The catalogue's loss, gradients and scores of a mistake (computed on rows padded to
    N_PAD inside) against its buggy net written apart in NumPy, on fewer rows than the padding."""
    rng = np.random.default_rng(7)
    params = {"W1": 0.5 * rng.standard_normal((4, 10)), "b1": 0.1 * rng.standard_normal(10),
              "W2": 0.5 * rng.standard_normal((10, 3)), "b2": 0.1 * rng.standard_normal(3)}
    X, y, reg = rng.standard_normal((3, 4)), np.array([2, 0, 1]), 0.05
    assert len(y) < mistakes.N_PAD
    want_loss, want_grads = buggy_net(cause, params).loss(X, y, reg)
    got = mistakes.catalogue(params, X, y, reg)[cause]
    tol = 1e-5 if cause == "float32" else 1e-9
    assert got["loss"] == pytest.approx(float(want_loss), rel=tol)
    for k in want_grads:
        np.testing.assert_allclose(got["grads"][k], want_grads[k], rtol=tol, atol=tol)
    np.testing.assert_allclose(got["scores"], buggy_net(cause, params).loss(X), rtol=tol, atol=tol)


def test_the_catalogues_cache_key_reads_any_inputs_as_float64_and_int64():
    """float32 rows, Fortran-ordered params and a list of labels give the key of the same
    numbers in float64 and int64, and the key reads back as those numbers; a problem has at
    most N_PAD rows."""
    rng = np.random.default_rng(3)
    params = {"W1": rng.integers(-8, 8, (4, 10)) / 8, "b1": rng.integers(-8, 8, 10) / 8,
              "W2": rng.integers(-8, 8, (10, 3)) / 8, "b2": rng.integers(-8, 8, 3) / 8}
    X, y = rng.integers(-8, 8, (6, 4)) / 8, [0, 1, 2, 0, 1, 2]  # exact in float32
    key = mistakes.key(params, X, np.array(y), 0.1)
    other = mistakes.key({k: np.asfortranarray(v.astype(np.float32)) for k, v in params.items()},
                         X.astype(np.float32), y, np.float32(0.1).item())
    assert other[:6] == key[:6]
    back_params, back_X, back_y, back_reg = mistakes.unkey(key)
    assert back_X.dtype == np.float64 and np.array_equal(back_X, X)
    assert all(np.array_equal(back_params[k], params[k]) for k in params)
    assert back_y.tolist() == y and back_reg == 0.1
    with pytest.raises(ValueError, match=f"problems have at most {mistakes.N_PAD} examples, got 6"):
        mistakes.truth(params, X, y, 0.1)  # more rows than the padding holds


@pytest.mark.parametrize("name", sorted(UNKNOWN))
def test_mistakes_beyond_the_catalogue_are_located_and_named_only_when_known(name):
    part, cause, _ = UNKNOWN[name]
    result = checked(f"unknown_{name}", unknown_source(name))
    summary = result.summary()
    assert result.status == 1
    assert (summary["part"], summary["cause"]) == (part, cause), summary
    assert summary["structure"], summary
    assert not report_shape(result, report.render), report.render(result)


@pytest.mark.parametrize("name", sorted(STYLED))
def test_mistakes_in_other_styles_are_located_and_named_only_when_known(name):
    part, cause, _, _ = STYLED[name]
    summary = checked(f"styled_{name}", styled_source(name)).summary()
    assert (summary["part"], summary["cause"]) == (part, cause), summary


def test_float32_implementation_is_judged_in_float64():
    checks = {c.name: c for c in bug("float32").checks}
    # float32 rounding: far above the notebook's float64 tolerance, far below a real mistake
    assert 1e-12 < checks["toy_loss"].measured < 1e-5
    assert 1e-8 < checks["gradients"].measured < 1e-4
    assert checks["gradients"].causes == ["float32"]
    assert "float32" in checks["grads_format"].diagnosis
    assert checks["float32_inputs"].passed  # judged at float32 tolerance there
    assert checks["train_learning_rate"].passed


def test_training_inference_names_the_step_it_reads():
    """The schedule is inferred per step: the reported rates are the ones the code used, in time order."""
    text = next(c.diagnosis for c in bug("lr_never_decayed").checks if c.name == "train_learning_rate")
    assert "used were [0.9 x15]" in text and "expected [0.9, 0.54 x5, 0.324 x5, 0.1944 x4]" in text


def test_function_mode_checks_loss_and_gradients_only():
    spec = f"{IMPLS / 'loss_function.py'}:"
    good = check_here(spec + "two_layer_loss", function=True)
    bad = check_here(spec + "two_layer_loss_no_mask", function=True)
    assert good.mode == "function" and good.status == 0, [c.diagnosis for c in good.checks if not c.passed]
    names = {c.name for c in good.checks}
    assert "toy_loss" in names and "gradients" in names
    assert not names & {"toy_scores", "predict", "toy_training", "train_learning_rate"}
    assert bad.status == 1 and bad.causes == ["relu_mask_missing"]


def test_gradients_as_lists_are_read_and_gradients_not_in_a_dict_are_refused_by_name():
    spec = f"{IMPLS / 'loss_function.py'}:"
    listed = check_here(spec + "two_layer_loss_listed_grads", function=True)
    assert listed.status == 0, [c.diagnosis for c in listed.checks if not c.passed]
    in_a_tuple = check_here(spec + "two_layer_loss_tuple_grads", function=True)
    toy_loss = next(c for c in in_a_tuple.checks if c.name == "toy_loss")
    assert in_a_tuple.status == 1 and "loss returned grads as tuple, expected a dict" in toy_loss.diagnosis


@pytest.mark.parametrize("copy", ["self.params = {k: np.array(v) for k, v in self.params.items()}",
                                  "self.params.update((k, np.array(v)) for k, v in list(self.params.items()))"])
def test_a_net_that_copies_its_params_in_every_call_is_checked_through_the_copies(copy):
    """The numeric gradient perturbs the arrays each call is given, not the ones the net held
    before its first call: a net whose loss replaces its params dict, or each array in it, passes."""
    source = (IMPLS / "correct_vectorised.py").read_text().replace(
        "    def loss(self, X, y=None, reg=0.0):\n", f"    def loss(self, X, y=None, reg=0.0):\n        {copy}\n")
    result = checked(f"copies_its_params_{'dict' if '{' in copy else 'arrays'}", source)
    assert copy in source
    assert result.status == 0, [c.diagnosis for c in result.checks if not c.passed]


def test_a_loss_that_rebinds_a_param_leaves_the_arrays_it_was_given_alone():
    """Rebinding self.params["W1"] to a new array after the loss is computed changes none of
    the arrays loss was given: no_mutation passes (train, which reads the rebound W1, does not)."""
    source = (IMPLS / "correct_vectorised.py").read_text().replace(
        "        return loss, grads\n", "        self.params['W1'] = self.params['W1'] + 1.0\n        return loss, grads\n")
    assert "self.params['W1'] = self.params['W1'] + 1.0" in source
    result = checked("rebinds_W1", source)
    checks = {c.name: c for c in result.checks}
    assert checks["no_mutation"].passed and checks["toy_loss"].passed and checks["gradients"].passed


def test_judging_a_net_whose_outputs_are_all_nan_somewhere_warns_nothing(tmp_path):
    """The judging's own arithmetic on what a net returned (here rows of nan, where NumPy warns
    "All-NaN slice") stays quiet: the checks say what is wrong."""
    import warnings

    from reference.checker import evidence, judge, observe
    from tests.checker_impls.inprocess import net_file

    path = net_file("bug_softmax_column_max_quiet", buggy_source("softmax_column_max"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the net's own arithmetic may warn: not the judging's
        assert observe.main(["--path", str(path), "--out", str(tmp_path)]) == 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        checks, _ = judge.judge(evidence.Observation(tmp_path))
    assert [str(w.message) for w in caught] == [] and not all(c.passed for c in checks)


def test_predictions_that_differ_are_counted_row_by_row():
    """The rows predict gets wrong, counted here from the net's own predict against the argmax of
    the true scores: on the 40-row problem (one row, named with its labels), and on the edge
    problem's 300 rows for an unshifted softmax."""
    from reference.checker import problems

    def wrong_rows(source, problem):
        params, X = problem
        net = net_of(source, params)
        want = np.argmax(np.maximum(0, X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"], axis=1)
        with np.errstate(all="ignore"):
            got = np.asarray(net.predict(X))
        return want, got, np.flatnonzero(got != want)

    want, got, rows = wrong_rows(unknown_source("predict_hidden_halved"), problems.predict_problem())
    check = next(c for c in checked("unknown_predict_hidden_halved", unknown_source("predict_hidden_halved")).checks
                 if c.name == "predict")
    assert check.measured == len(rows) / 40 and check.diagnosis.startswith(
        f"{len(rows)} of 40 predictions differ, e.g. rows "
        + ", ".join(f"{i} (expected {want[i]}, got {got[i]})" for i in rows[:3]))
    _, _, rows = wrong_rows(buggy_source("predict_softmax_unshifted"), problems.predict_edge_problem())
    check = next(c for c in bug("predict_softmax_unshifted").checks if c.name == "predict")
    assert 0 < len(rows) < 300 and f"predictions differ on {len(rows)} (rows " in check.diagnosis


def test_slips_in_how_the_gradients_are_handed_back_are_each_named():
    result = check_here(f"{IMPLS / 'loss_function.py'}:two_layer_loss_format_slips", function=True)
    check = next(c for c in result.checks if c.name == "grads_format")
    assert not check.passed and check.measured == 3
    assert check.diagnosis == ("grads has keys ['W1', 'W2', 'b1', 'b2', 'scores'], expected ['W1', 'b1', 'W2', 'b2']; "
                               "grads['b1'] has shape (1, 10), expected (10,); "
                               "grads['W2'] is float32 while params['W2'] is float64")


def test_a_checks_measure_is_its_worst_error_worked_here():
    """Without its reg term, the toy loss is off by exactly that term at the notebook's toy model
    (reg 0.05); the gradient check's measure is the largest relative error of any entry."""
    from reference import notebook

    net = notebook.init_toy_model()
    term = notebook.LOSS_REG * sum(np.sum(net.params[k] ** 2) for k in ("W1", "W2"))
    checks = {c.name: c for c in bug("reg_missing").checks}
    assert checks["toy_loss"].measured == pytest.approx(term, rel=1e-9)
    X, y = notebook.init_toy_data()
    _, right = net.loss(X, y, reg=notebook.LOSS_REG)
    wrong = {k: g - (2 * notebook.LOSS_REG * net.params[k] if k[0] == "W" else 0) for k, g in right.items()}
    relative = max(np.max(np.abs(wrong[k] - right[k]) / np.maximum(1e-8, np.abs(wrong[k]) + np.abs(right[k])))
                   for k in right)
    assert checks["gradients"].measured == pytest.approx(relative, rel=1e-6)


def test_docs_list_every_cause_with_its_part():
    """docs/checker.md's table of causes: one row per cause the checker can name, with its part."""
    rows = re.findall(r"^\| `(\w+)` \| (\w+) \| ", (IMPLS.parents[1] / "docs" / "checker.md").read_text(), re.M)
    listed = {mid: part for mid, part in rows if mid in mistakes.BY_ID}
    assert listed == {mid: m.part for mid, m in mistakes.BY_ID.items()}


def test_the_readme_counts_the_causes_as_they_are():
    """The README's "the N causes (C in the catalogue, B beyond it)" against the checker's own."""
    text = (IMPLS.parents[1] / "README.md").read_text()
    total, catalogue, beyond = map(int, re.search(r"the (\d+) causes \((\d+) in the catalogue, (\d+) beyond",
                                                  text).groups())
    assert (total, beyond) == (len(mistakes.BY_ID), len(BEYOND)) and catalogue == total - beyond
