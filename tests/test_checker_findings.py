"""The findings' own rules, one test each, on small hand-built evidence: which parts a check is
judged on and which show a mistake's part, the words of a located loss, which checks follow
from a wrong init, the rows predict's own forward pass gets wrong, the problem of other sizes,
the gradient slips' hypotheses and the pool beyond the catalogue.

Expected values are worked out in the tests (NumPy by hand, or from the docstrings' definitions).
"""

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from reference import TwoLayerNet
from reference.checker import causes, diagnosis, edge_cases, explain, gradient_slips, locate, mistakes, problems, written
from reference.checker.measures import Part, abs_error
from reference.checker.report import Check, Finding
from tests.checker_impls.bugs import buggy_source
from tests.checker_impls.inprocess import checked

NAMES = ("W1", "b1", "W2", "b2")  # the notebook's params, in its order
ROOT = Path(__file__).resolve().parents[1]


def part(key, failed, problem="toy"):
    """A compared quantity under ``key`` on ``problem``: failing (got 1, want 0) or passing."""
    return Part(key, 1.0 if failed else 0.0, 0.0, abs_error, 0.5, problem, key)


def check(name, passed=False, diagnosis_=""):
    return Check(name, passed, None, None, "", diagnosis_)


class Obs:
    """An observation made of given arrays, init params and errors."""

    def __init__(self, arrays=None, init=None, errors=None):
        self.arrays, self.init, self.errors, self.mode = arrays or {}, init or {}, errors or {}, "class"

    def get(self, key):
        return self.arrays.get(key)

    def params(self, prefix):
        return dict(self.init) if prefix == "init" else {}


# --- which parts a check is judged on, and which show a mistake's part ---------------------------

def test_toy_checks_are_judged_on_their_own_kind_of_toy_part():
    """toy_scores is judged on the toy's scores, toy_loss on its loss, gradients on its gradients
    (not the numeric ones); any other check on its own problem's parts."""
    toy = [part("scores", True), part("loss", True), part("grads/W1", True), part("grads/b2", False),
           part("numeric/W1", True)]
    reg_zero = [part("loss", True, "reg_zero")]
    parts = {"toy": toy, "reg_zero": reg_zero}
    assert diagnosis.check_parts("toy_scores", parts) == [toy[0]]
    assert diagnosis.check_parts("toy_loss", parts) == [toy[1]]
    assert diagnosis.check_parts("gradients", parts) == [toy[2], toy[3]]
    assert diagnosis.check_parts("reg_zero", parts) == reg_zero
    assert diagnosis.check_parts("no_mutation", parts) == []


def test_a_check_shows_a_part_only_through_its_failing_parts_of_that_kind():
    """shows_part: the scores show the forward pass, the loss the data loss, the loss or a gradient
    the regulariser, a gradient the backward pass; passing parts show nothing, and a part with no
    kind of its own (init) is shown by none."""
    scores, loss, grad = part("scores", True), part("loss", True), part("grads/W2", True)
    assert diagnosis.shows_part("scores", [loss, scores])
    assert not diagnosis.shows_part("scores", [loss, grad])
    assert diagnosis.shows_part("data_loss", [loss])
    assert not diagnosis.shows_part("data_loss", [grad, scores])
    assert diagnosis.shows_part("regulariser", [grad]) and diagnosis.shows_part("regulariser", [loss])
    assert diagnosis.shows_part("gradient", [grad])
    assert not diagnosis.shows_part("gradient", [part("grads/W2", False)])
    assert not diagnosis.shows_part("init", [scores, loss, grad])


def test_a_findings_checks_that_show_its_part_come_first():
    """A gradient mistake's finding lists the checks whose failing parts are gradients before
    gradients_numeric (judged on the numeric gradient alone), though that one is judged earlier."""
    result = checked("bug_gradient_scaled", buggy_source("gradient_scaled"))
    finding = next(f for f in result.findings if f.part == "gradient")
    assert "gradients_numeric" in finding.checks
    shown = [n for n in finding.checks if n in problems.loss_problems()]
    assert shown, finding.checks
    assert finding.checks[0] == "gradients"
    assert all(finding.checks.index(n) < finding.checks.index("gradients_numeric") for n in shown), finding.checks


# --- the words of a located loss ---------------------------------------------------------------

def loss_case(got, want):
    """One problem "p1" at reg 0.5 with W1 = W2 = I (2 x 2): reg * (sum(W1**2) + sum(W2**2)) = 2."""
    params = {"W1": np.eye(2), "b1": np.zeros(2), "W2": np.eye(2), "b2": np.zeros(2)}
    args = {"p0": (params, np.ones((1, 2)), np.array([0]), 0.0), "p1": (params, np.ones((1, 2)), np.array([0]), 0.5)}
    return [SimpleNamespace(problem="p1", got=got, want=want)], args, {"p0": 0.0, "p1": 0.5}


def test_located_data_loss_gives_the_ratio_of_the_data_losses():
    """A wrong data loss is described by your data loss / the true one: loss 5 against 3 with a reg
    term of 2 is a data loss of 3 against 1, a ratio of 3."""
    bad, args, reg_of = loss_case(5.0, 3.0)
    text = locate._loss_text(bad, args, reg_of, data=True)
    assert text == ("the loss differs only on the problems with reg > 0 (those with reg = 0 pass); "
                    "your data loss / the true one: 3 (p1)"), text


def test_located_reg_term_gives_the_ratio_of_the_reg_terms():
    """A wrong reg term is described by your reg term / reg * (sum(W1**2) + sum(W2**2)): loss 5
    against 3 with a true reg term of 2 (so a data loss of 1) is a reg term of 4, a ratio of 2."""
    bad, args, reg_of = loss_case(5.0, 3.0)
    text = locate._loss_text(bad, args, reg_of, data=False)
    assert text.endswith("; your reg term / reg * (sum(W1**2) + sum(W2**2)): 2 (p1)"), text


def test_located_loss_leaves_out_ratios_that_are_not_finite():
    """A ratio that is not finite (the true data loss 0: loss 3 against 2, the reg term 2) is not
    shown, nor the words that lead it."""
    bad, args, reg_of = loss_case(np.float64(3.0), np.float64(2.0))
    with np.errstate(divide="ignore"):
        text = locate._loss_text(bad, args, reg_of, data=True)
    assert "your data loss" not in text and text.startswith("the loss differs"), text


# --- the checks that follow from a wrong init --------------------------------------------------

def init_checks(failing=("init", "toy_scores", "toy_loss", "gradients")):
    names = ["init", "toy_scores", "toy_loss", "gradients", "gradients_numeric", "grads_format",
             *problems.loss_problems()]
    return {n: check(n, passed=n not in failing) for n in names}


def other_init(dtype=np.float64, reshape=None):
    """Init params of the notebook's shapes (or ``reshape``d ones) and another value."""
    out = {k: (v + 1.0).astype(dtype) for k, v in problems.toy_params().items()}
    if reshape:
        out[reshape] = out[reshape].T.copy()
    return out


def test_init_with_right_shapes_leaves_the_gradients_their_own_failure():
    """With init's params of the right shapes and dtype, and another problem failing too, the
    toy's gradients failing are not put down to the init (only toy_scores and toy_loss are)."""
    checks = init_checks(failing=("init", "toy_scores", "toy_loss", "gradients", "reg_zero"))
    parts = {"toy": [part("grads/W1", True)], "reg_zero": [part("grads/W1", True, "reg_zero")]}
    found = diagnosis.init_finding(Obs(init=other_init()), list(checks.values()), parts)
    assert found.part == "init"
    assert checks["toy_scores"].consequence_of == "init" and checks["toy_loss"].consequence_of == "init"
    assert checks["gradients"].consequence_of is None


def test_init_of_float64_params_with_other_problems_right_leaves_the_gradients_their_own():
    """Float64 init params of the right shapes: the toy's gradients failing, every other problem
    right, are still the gradients' own failure; float32 init params make them the init's."""
    parts = {"toy": [part("grads/W1", True)], "reg_zero": [part("grads/W1", False, "reg_zero")]}
    checks = init_checks()
    diagnosis.init_finding(Obs(init=other_init()), list(checks.values()), parts)
    assert checks["gradients"].consequence_of is None
    checks = init_checks()
    diagnosis.init_finding(Obs(init=other_init(np.float32)), list(checks.values()), parts)
    assert checks["gradients"].consequence_of == "init"


def test_reshaped_init_explains_grads_format_only_when_every_loss_problem_passes():
    """A weight of another shape at init makes grads_format's failure the init's when every loss
    problem passes; not when a loss problem fails too (then the format is wrong on its own)."""
    parts = {"toy": [part("grads/W1", True)]}
    failing = ("init", "toy_scores", "toy_loss", "gradients", "grads_format")
    checks = init_checks(failing)
    diagnosis.init_finding(Obs(init=other_init(reshape="W1")), list(checks.values()), parts)
    assert checks["grads_format"].consequence_of == "init"
    assert checks["gradients"].consequence_of == "init"
    checks = init_checks(failing + ("reg_zero",))
    diagnosis.init_finding(Obs(init=other_init(reshape="W1")), list(checks.values()), parts)
    assert checks["grads_format"].consequence_of is None
    assert checks["gradients"].consequence_of == "init"


# --- predict's rows ----------------------------------------------------------------------------

def test_predict_following_its_own_wrong_scores_names_the_rows_that_differ():
    """predict the argmax of its own scores, which differ from the true ones at rows 3, 7 and 8
    only (the loss problems' scores right): the finding is the forward pass's, naming rows 3, 7-8."""
    params, X = problems.predict_problem()
    true = np.maximum(X @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]
    own = true.copy()
    own[[3, 7, 8], 0] += 1000.0
    obs = Obs({"predict": np.argmax(own, axis=1), "predict/scores": own})
    c = check("predict", diagnosis_="predict differs on 3 of 40 rows")
    found = diagnosis.predict_finding(obs, c, [])
    assert found.part == "scores" and c.part == "scores"
    assert f"predict's {len(X)} rows returns other scores at rows 3, 7-8, and predict" in found.structure, \
        found.structure


# --- the problem of other sizes ----------------------------------------------------------------

def other_sizes_obs(**changes):
    """The other-sizes problem's true outputs (the NumPy oracle's), with ``changes`` (keys, errors)."""
    prob = problems.other_sizes_problem()
    net = TwoLayerNet.from_params(prob.params)  # the NumPy oracle, not the checker
    (loss, grads), scores = net.loss(prob.X, prob.y, prob.reg), net.loss(prob.X)
    arrays = {"other_sizes/scores": scores, "other_sizes/loss": np.array(loss),
              **{f"other_sizes/grads/{k}": grads[k] for k in NAMES}}
    errors = changes.pop("errors", {})
    arrays.update(changes)
    return prob, Obs(arrays, errors=errors), loss, grads


def test_other_sizes_names_the_gradients_that_differ_as_a_tuple():
    """The loss right and only b2's gradient wrong at other sizes: the part is the gradient, the
    params ("b2",), in words 'the gradients differ for b2'."""
    prob, obs, _, grads = other_sizes_obs()
    obs.arrays["other_sizes/grads/b2"] = 2 * grads["b2"]
    part_, params, seen = edge_cases.other_sizes_part(obs, prob)
    assert (part_, params, seen) == ("gradient", ("b2",), "the loss is right, the gradients differ for b2")


def test_other_sizes_raise_is_located_by_the_line_that_raised_not_the_message():
    """loss(X, y) raising at other sizes (the scores right) is located by the code of the line that
    raised: a line computing the loss is the data loss's, even when the message speaks of reg."""
    text = "ValueError: reg must be a float, line 30: loss = data_loss + penalty"
    prob, obs, _, _ = other_sizes_obs(errors={"other_sizes": text})
    part_, params, seen = edge_cases.other_sizes_part(obs, prob)
    assert (part_, params, seen) == ("data_loss", (), f"loss(X, y) raised {text}")


def test_other_sizes_tell_the_part_by_what_differs_to_the_checkers_tolerances():
    """Scores 1e-7 off (relative) are other scores, the loss 1e-7 off another loss (the checker's
    rtol is 1e-8, numpy's default 1e-5), and 5e-9 past the relative 1e-8 is off (atol 1e-10, not 1e-8); a
    loss right at reg = 0 puts the mistake in the regulariser; a raise on a line that names no
    part is the data loss's when the scores are right, else the scores'."""
    prob, obs, loss, grads = other_sizes_obs()
    scores = obs.arrays["other_sizes/scores"]
    shape = f"(shape {scores.shape}, expected {scores.shape})"
    obs.arrays["other_sizes/scores"] = scores * (1 + 1e-7)
    assert edge_cases.other_sizes_part(obs, prob) == ("scores", (), f"loss(X) returned other scores {shape}")
    obs.arrays["other_sizes/scores"] = scores + np.sign(scores) * (1e-8 * np.abs(scores) + 5e-9)
    assert edge_cases.other_sizes_part(obs, prob)[0] == "scores"

    line = "ValueError: shapes, line 7: out = np.dot(a, b)"
    _, obs, _, _ = other_sizes_obs(errors={"other_sizes": line})
    assert edge_cases.other_sizes_part(obs, prob) == ("data_loss", (), f"loss(X, y) raised {line}")
    del obs.arrays["other_sizes/scores"]
    assert edge_cases.other_sizes_part(obs, prob) == ("scores", (), f"loss(X, y) raised {line}")

    words = f"the loss is {loss * (1 + 1e-7):.10g}, expected {loss:.10g}"
    _, obs, _, _ = other_sizes_obs(**{"other_sizes/loss": np.array(loss * (1 + 1e-7))})
    assert edge_cases.other_sizes_part(obs, prob) == ("data_loss", (), words)
    at_zero = TwoLayerNet.from_params(prob.params).loss(prob.X, prob.y, 0.0)[0]
    obs.arrays["other_sizes/loss_reg0"] = np.array(at_zero)
    assert edge_cases.other_sizes_part(obs, prob) == ("regulariser", (), words + " (right at reg = 0)")
    obs.arrays["other_sizes/loss_reg0"] = np.array(at_zero * (1 + 1e-7))
    assert edge_cases.other_sizes_part(obs, prob) == ("data_loss", (), words)
    obs.arrays["other_sizes/loss_reg0"] = np.array(at_zero * (1 + 1e-8) + 5e-9)
    assert edge_cases.other_sizes_part(obs, prob) == ("data_loss", (), words)
    _, obs, _, _ = other_sizes_obs(**{"other_sizes/loss": np.array(loss * (1 + 1e-8) + 5e-9)})
    assert edge_cases.other_sizes_part(obs, prob)[0] == "data_loss"

    _, obs, _, _ = other_sizes_obs(**{"other_sizes/grads/W1": grads["W1"] + 1e-6,
                                      "other_sizes/grads/b2": grads["b2"][:1]})
    assert edge_cases.other_sizes_part(obs, prob) == ("gradient", ("W1", "b2"),
                                                      "the loss is right, the gradients differ for W1, b2")


def test_other_sizes_failing_beside_a_loss_side_check_joins_its_finding():
    """other_sizes failing beside another loss-side check becomes one more check of the loss side's
    first finding, with that finding's part and 'the same mistake as <its first check>'s'."""
    checks = [check("toy_loss"), check("other_sizes")]
    owner = Finding("data_loss", checks=["toy_loss"])
    findings = [Finding("init", checks=["init"]), owner]
    edge_cases.other_sizes_joined(checks, findings)
    assert owner.checks == ["toy_loss", "other_sizes"]
    assert findings[0].checks == ["init"]
    assert checks[1].part == "data_loss" and checks[1].diagnosis == "the same mistake as toy_loss's"


# --- gradient slips and the pool beyond the catalogue ------------------------------------------

def test_gradients_under_each_others_keys_name_the_swap():
    """b1's and b2's gradients failing: one hypothesis, grads_under_other_keys for (b1, b2), says
    which key holds which gradient and gives the true gradients swapped."""
    added = []
    truths = {"p": {"grads": {k: np.full(2, i, float) for i, k in enumerate(NAMES)}}}
    b = SimpleNamespace(truths=truths, add=lambda named, change: added.append((named, change)))
    gradient_slips.other_keys(b, {}, ["b1", "b2"])
    assert len(added) == 1
    named, change = added[0]
    assert named.cause == "grads_under_other_keys"
    assert tuple(named.params) == ("b1", "b2")
    assert named.detail == "grads['b1'] holds b2's, grads['b2'] holds b1's"
    out = {"grads": {}}
    change(out, "p")
    assert out["grads"]["b1"] is truths["p"]["grads"]["b2"] and out["grads"]["b2"] is truths["p"]["grads"]["b1"]
    assert out["grads"]["W1"] is truths["p"]["grads"]["W1"]


def test_the_fixed_pool_is_built_once_per_set_of_inputs(monkeypatch):
    """The hypotheses that depend on the problems alone are built once per set of inputs, however
    many files (calls of ``pool``, each with its own arrays of the same values) ask for them."""
    from reference.checker import backward, families, hypotheses, mistakes, regularisers
    calls = []
    monkeypatch.setattr(families, "hypotheses", lambda *a, **k: [])
    monkeypatch.setattr(mistakes, "truth", lambda *a: {})
    monkeypatch.setattr(hypotheses, "hypotheses", lambda args, truths: calls.append(args) or [])
    monkeypatch.setattr(regularisers, "hypotheses", lambda args, truths: [])
    monkeypatch.setattr(backward, "hypotheses", lambda args, truths: [])

    def args():  # values no other test uses, so the cache holds none of them yet
        params = {"W1": np.full((1, 1), 0.3141), "b1": np.zeros(1), "W2": np.full((1, 2), 0.2718), "b2": np.zeros(2)}
        return {"p": (params, np.full((1, 1), 1.618), np.array([1]), 0.0577)}

    try:
        explain.pool({}, {}, args())
        explain.pool({}, {}, args())
    finally:
        explain.fixed_pool.cache_clear()  # the stand-ins' empty pool is not the real one
    assert len(calls) == 1
    (params, X, y, reg), = calls[0].values()
    assert params["W2"].tolist() == [[0.2718, 0.2718]] and X.tolist() == [[1.618]] and list(y) == [1] and reg == 0.0577


FAILING_ORDER = textwrap.dedent("""
    import numpy as np
    from reference.checker import families
    from reference.checker.measures import Part
    rng = np.random.default_rng(0)
    params = {"W1": rng.standard_normal((2, 3)), "b1": rng.standard_normal(3),
              "W2": rng.standard_normal((3, 2)), "b2": rng.standard_normal(2)}
    X, y, reg = rng.standard_normal((2, 2)), np.array([0, 1]), 0.1
    grads = {k: rng.standard_normal(v.shape) for k, v in params.items()}
    truth = {"loss": 1.0, "grads": grads, "loss_grads": dict(grads), "scores": np.zeros((2, 2))}
    err = lambda g, w: float(np.max(np.abs(np.asarray(g) - np.asarray(w))))
    parts = {"p": [Part("", 1.0, 1.0, err, 1e-9, "p", "loss")]
             + [Part("", 3 * grads[k], grads[k], err, 1e-9, "p", "grads/" + k) for k in ("b2", "W2", "b1", "W1")]}
    out = families.hypotheses(parts, {"p": truth}, {"p": (params, X, y, reg)})
    print(",".join(next(n.params for n, _ in out if n.cause == "gradient_not_averaged")))
""")


def test_failing_gradients_are_named_in_the_notebooks_order_whatever_the_hash_seed():
    """The failing gradients a fitted hypothesis names come in the notebook's order W1, b1, W2, b2,
    the same in every run (every string hash seed), whatever order the evidence lists them in."""
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        out = subprocess.run([sys.executable, "-c", FAILING_ORDER], cwd=ROOT, env=env, capture_output=True,
                             text=True, check=True)
        assert out.stdout.strip() == "W1,b1,W2,b2", (seed, out.stdout, out.stderr)


def test_a_failing_loss_check_no_probe_located_is_put_in_its_part_by_its_name_and_words():
    """diagnosis.orphan_finding: the gradient checks' part is the gradient, the others' the data
    loss; no_mutation's is the gradient when its words name a param, else the scores; a raise is
    the scores' on the toy scores, else the gradient's when the line that raised computes one."""
    def orphan(name, words=""):
        return diagnosis.orphan_finding(check(name, diagnosis_=words))

    def unknown(part, text):
        return Finding(part, None, "not a known mistake", text, causes.PARTS[part][1].replace("{params}", "..."))

    for name in ("grads_format", "gradients", "gradients_numeric"):
        assert orphan(name, "off") == unknown("gradient", "off")
    assert orphan("toy_loss") == unknown("data_loss", "toy_loss failed")
    assert orphan("large_scores", "far off") == unknown("data_loss", "far off")
    for param in NAMES:
        words = f"loss changed your {param} in place"
        assert orphan("no_mutation", words) == unknown("gradient", words)
    assert orphan("no_mutation", "loss changed your X in place") == unknown("scores", "loss changed your X in place")
    raised = "your code raised ValueError: shapes, line 12: "
    assert orphan("toy_scores", raised + "dW2 = h.T @ d") == unknown("scores", raised + "dW2 = h.T @ d")
    assert orphan("toy_loss", raised + "dW2 = h.T @ d") == unknown("gradient", raised + "dW2 = h.T @ d")
    assert orphan("toy_loss", raised + "p = e / s") == unknown("data_loss", raised + "p = e / s")
    assert orphan("gradients", raised + "p = e / s") == unknown("gradient", raised + "p = e / s")
    capital = "Your code raised: dW2 = h.T @ d"  # not the checker's words for a raise
    assert orphan("toy_loss", capital) == unknown("data_loss", capital)


def test_a_mutation_named_on_no_mutation_makes_the_runs_that_follow_it_its_consequences():
    """written._mutation_finding: the cause's title and fix for the params concerned, the structure
    the check saw (without its advice), no_mutation its only check; the repeated calls' failing
    checks (the numeric gradient, the toy run, train_*, *_history, ``follow``) its consequences,
    and no other."""
    head = check("no_mutation", diagnosis_="loss changed W1 and b1 in place (work on copies: W = W.copy())")
    others = {name: check(name) for name in ("gradients_numeric", "toy_training", "train_loss", "val_acc_history",
                                             "large_scores", "toy_loss")}
    others["train_ok"] = check("train_ok", passed=True)
    found = written._mutation_finding([head, *others.values()], head, "reg_gradient_in_weights", ["W1", "b1"],
                                      follow=("large_scores",))
    title = ("the reg term's gradient computed in the array of W1 and b1 itself (grad = W; grad *= 2 * reg): "
             "every call to loss leaves W1 and b1 multiplied by 2 * reg, and what reads them later in the "
             "backward pass or the next call sees the scaled weights")
    fix = ("compute the reg gradient in a new array: 2 * reg * W (or W.copy() before any in-place op), never "
           "grad = W followed by grad *= ...")
    assert found == Finding("regulariser", "reg_gradient_in_weights", title, "loss changed W1 and b1 in place", fix,
                            ("W1", "b1"), checks=["no_mutation"])
    assert head.part == "regulariser" and head.causes == ["reg_gradient_in_weights"]
    assert head.diagnosis == (f"loss changed W1 and b1 in place: this matches {title}. Fix: {fix}. "
                              "[cause: reg_gradient_in_weights]")
    assert head.consequence_of is None
    assert {name: c.consequence_of for name, c in others.items()} == {
        "gradients_numeric": "no_mutation", "toy_training": "no_mutation", "train_loss": "no_mutation",
        "val_acc_history": "no_mutation", "large_scores": "no_mutation", "toy_loss": None, "train_ok": None}


def test_a_written_loss_is_close_within_1e_9_of_its_largest_entry_or_of_1():
    """written._close: missing is not close; shapes must agree; each entry within 1e-9 times the
    largest |want| (at least 1), the bound itself included; empty arrays agree."""
    close = written._close
    assert not close(None, 0.0)
    assert close(np.array([1e-9]), np.array([0.0]))  # exactly at the bound
    assert not close(np.array([2e-9]), np.array([0.0]))
    assert close(np.array([4 + 3e-9, 1.0]), np.array([4.0, 1.0]))  # the bound scales with the largest, 4
    assert not close(np.array([0.5 + 1.5e-9]), np.array([0.5]))  # and is 1e-9 below 1
    assert not close(np.array([1.0, 2.0]), np.array([[1.0, 2.0]]))
    assert close(np.zeros((0, 3)), np.zeros((0, 3)))
    assert close(np.float32(0.5), 0.5) and not close(np.float32(0.1), 0.1)  # float32's 0.1 is 1.5e-9 off


def test_a_written_weight_explains_one_call_only_when_its_loss_and_each_gradient_agree():
    """written._read_after: one call's outputs follow from 2 reg W2 written into W2 when its loss is the
    reference's and each gradient is the reference's or, for W1 and b1, the one computed from 2 reg W2
    in dh1; a wrong loss, or any other gradient, is not explained."""
    rng = np.random.default_rng(3)
    params = {"W1": rng.standard_normal((4, 5)), "b1": rng.standard_normal(5),
              "W2": rng.standard_normal((5, 3)), "b2": rng.standard_normal(3)}
    X, y, reg = rng.standard_normal((6, 4)), np.array([0, 1, 2, 0, 1, 2]), 0.3
    h = np.maximum(X @ params["W1"] + params["b1"], 0)
    scores = h @ params["W2"] + params["b2"]
    p = np.exp(scores - scores.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(p[np.arange(6), y])) + reg * sum(np.sum(params[k] ** 2) for k in ("W1", "W2"))
    dscores = (p - np.eye(3)[y]) / 6
    dh = dscores @ params["W2"].T * (h > 0)
    grads = {"W1": X.T @ dh + 2 * reg * params["W1"], "b1": dh.sum(axis=0),
             "W2": h.T @ dscores + 2 * reg * params["W2"], "b2": dscores.sum(axis=0)}
    dh_read = dscores @ (2 * reg * params["W2"]).T * (h > 0)  # dh1 from the overwritten W2
    read = {"W1": X.T @ dh_read + 2 * reg * params["W1"], "b1": dh_read.sum(axis=0)}

    def explained(loss_, **changed):
        arrays = {"p/loss": loss_, **{f"p/grads/{k}": changed.get(k, grads[k]) for k in NAMES}}
        return written._read_after(SimpleNamespace(get=arrays.get), "p", params, X, y, reg)

    assert explained(loss)
    assert explained(loss, W1=read["W1"], b1=read["b1"])
    assert not explained(loss + 1e-3)  # its gradients right, its loss not
    assert not explained(loss, W2=grads["W2"] + 1e-3)
    assert not explained(loss, W1=grads["W1"] + 1e-3)  # W1 neither the reference's nor read after W2
    assert not explained(loss, b2=None)


def test_an_edge_problems_gradient_is_close_within_1e_7_relative_and_1e_10_absolute():
    """edge_cases._close: missing or of another shape is not close; each entry within
    1e-10 + 1e-7 |want| (NumPy's allclose with those tolerances)."""
    close = edge_cases._close
    assert not close(None, np.zeros(2))
    assert not close(np.zeros(2), np.zeros((1, 2)))
    assert close(np.array([1 + 0.9e-7, 5e-11]), np.array([1.0, 0.0]))
    assert not close(np.array([1 + 5e-7]), np.array([1.0]))  # within 1e-5 relative, not 1e-7
    assert not close(np.array([1e-9]), np.array([0.0]))  # within 1e-8 absolute, not 1e-10


def test_rows_in_ranges_and_the_line_an_error_names():
    """edge_cases.row_ranges: sorted rows as ranges, at most four, then ', ...'; raised_line: the
    code after the last ': ' of an error that names its line, else ''."""
    assert edge_cases.row_ranges([3, 256, 257, 258, 299]) == "3, 256-258, 299"
    assert edge_cases.row_ranges([1, 3, 5, 7]) == "1, 3, 5, 7"
    assert edge_cases.row_ranges([1, 3, 5, 7, 9]) == "1, 3, 5, 7, ..."
    assert edge_cases.row_ranges([0, 1, 2], most=1) == "0-2"
    assert edge_cases.raised_line("ValueError: bad, line 12: dW2 = h.T @ d") == "dW2 = h.T @ d"
    assert edge_cases.raised_line("ValueError: shapes (3,) and (4,) not aligned") == ""


def test_the_edge_problems_scores_found_wrong_name_the_rows_that_differ():
    """edge_cases.edge_scores_finding: loss(X) on the edge problem's 300 rows, each row 1e-9 off
    (relative; the checker's tolerance is 1e-10) or 2e-10 off near zero, is located in the forward
    pass with the rows that differ; another shape is said as such; right scores leave it to the
    column-major problem (none here)."""
    params, X = problems.predict_edge_problem()
    want = np.maximum(X @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]  # the notebook's
    got = want.copy()
    got[[3, 256, 257]] *= 1 + 1e-9
    got[5] += 2e-10 * np.sign(got[5]) + 1e-10 * np.abs(got[5]) * np.sign(got[5])
    look = causes.PARTS["scores"][1]
    assert edge_cases.edge_scores_finding(Obs({"predict_edge/scores": got})) == Finding(
        "scores", None, "not a known mistake",
        "loss(X) on 300 rows returned other scores on 4 of them (rows 3, 5, 256-257), right on the others",
        look, checks=["predict"])
    assert edge_cases.edge_scores_finding(Obs({"predict_edge/scores": got[:299]})) == Finding(
        "scores", None, "not a known mistake",
        f"loss(X) on 300 rows returned scores of shape (299, {want.shape[1]}), expected {want.shape}",
        look, checks=["predict"])
    near_zero_only = want.copy()
    near_zero_only[5] = got[5]
    assert edge_cases.edge_scores_finding(Obs({"predict_edge/scores": near_zero_only})).structure == (
        "loss(X) on 300 rows returned other scores on 1 of them (rows 5), right on the others")
    assert edge_cases.edge_scores_finding(Obs({"predict_edge/scores": want * (1 + 5e-11)})) is None
    assert edge_cases.edge_scores_finding(Obs({})) is None


def test_a_raise_after_scores_of_another_shape_is_the_forward_passs():
    """diagnosis.raised_scores_finding: loss(X, y) raised on a problem where loss(X) returned scores
    of another shape: the forward pass, in words; not when the check did not raise, the scores
    were not recorded, the truth is unknown or the shape is right."""
    raised = check("toy_loss", diagnosis_="your code raised ValueError: shapes")
    truths = {"toy_loss": {"scores": np.zeros((5, 3))}}
    found = diagnosis.raised_scores_finding(Obs({"toy_loss/scores": np.zeros(5)}), raised, truths)
    assert found == Finding("scores", None, "not a known mistake",
                            "loss(X) on toy_loss returned scores of shape (5,), expected (5, 3), and loss(X, y) raised",
                            causes.PARTS["scores"][1])
    assert diagnosis.raised_scores_finding(Obs({"toy_loss/scores": np.zeros((5, 3))}), raised, truths) is None
    assert diagnosis.raised_scores_finding(Obs({}), raised, truths) is None
    assert diagnosis.raised_scores_finding(Obs({"toy_loss/scores": np.zeros(5)}), raised, {}) is None
    assert diagnosis.raised_scores_finding(Obs({}), raised, {}) is None
    off = check("toy_loss", diagnosis_="the loss is 2.1, expected 1.3")
    assert diagnosis.raised_scores_finding(Obs({"toy_loss/scores": np.zeros(5)}), off, truths) is None


def test_predicts_labels_fit_when_right_or_right_up_to_rows_dropped():
    """diagnosis.rows_fit on the predict problem: the notebook's labels fit; so do those of the first
    rows only; one label changed, or the right labels in another shape, do not."""
    params, X = problems.predict_problem()
    want = np.argmax(np.maximum(X @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"], axis=1)
    assert diagnosis.rows_fit(want, params, X)
    assert diagnosis.rows_fit(want[:3], params, X)
    changed = want.copy()
    changed[-1] = (changed[-1] + 1) % 3
    assert not diagnosis.rows_fit(changed, params, X)
    assert not diagnosis.rows_fit(want[None, :], params, X)


def test_a_judged_check_becomes_a_finding_with_its_causes_title_and_fix_or_not_a_known_mistake():
    """diagnosis.judged_finding: a check naming a catalogue cause gives that cause's id, the title
    its detail filled in, and the cause's fix; a check with no cause, or an id not in the
    catalogue, gives "not a known mistake" and where to look first for its part."""
    detail = "the rate was 0.5 x the schedule's"
    m = mistakes.BY_ID["lr_scaled"]
    title = m.title.format(detail="0.5")
    named = Check("train_learning_rate", False, 1.0, 1e-6, "max rel error",
                  f"{detail}: this matches {title}. Fix: {m.fix}. [cause: lr_scaled]", ["lr_scaled"],
                  part="training_rate")
    assert diagnosis.judged_finding(named) == Finding("training_rate", "lr_scaled", title, detail, m.fix,
                                                      checks=["train_learning_rate"])
    where = "the update: params -= learning_rate * grads"  # causes.PARTS' look-first for training_rate
    for cause in ([], ["no_such_cause"]):
        unknown = Check("train_learning_rate", False, 1.0, 1e-6, "max rel error",
                        f"{detail}; not a known mistake", cause, part="training_rate")
        assert diagnosis.judged_finding(unknown) == Finding("training_rate", None, "not a known mistake", detail,
                                                            where, checks=["train_learning_rate"])
