"""The checks of the loss, its gradients, the toy training and predict, then the diagnosis.

Inputs are an :class:`evidence.Observation` (what the child recorded); expected values come
from ``mistakes.truth`` (JAX, float64), the notebook's published numbers and the NumPy oracle.
Every comparison is in float64, whatever dtype the implementation returned. Each check is
judged on its own; ``diagnosis.diagnose`` then says which part is wrong, names a cause only
if it explains every problem, and marks the checks that fail only as a consequence.
"""

import re
import warnings

import numpy as np

from reference import TwoLayerNet, notebook
from reference.checker import diagnosis, edge_cases, evidence, mistakes, predictions, problems, toy_run, training_checks
from reference.checker.edge_cases import AFTER_TRAIN, EDGE, row_ranges, true_scores
from reference.checker.evidence import GRAD_TOL, Observation
from reference.checker.measures import Part, abs_error, sum_abs
from reference.checker.report import Check
from reference.checker.training_record import joined, named

__all__ = ["Observation", "judge"]


def failed_to_run(name, what, error):
    return Check(name, False, None, None, what, f"your code raised {error}")


def from_parts(name, what, parts):
    """A check passes when every part does; measured is the worst part's error."""
    measured = max(p.measured for p in parts)
    return Check(name, not any(p.failed for p in parts), measured, parts[0].tol, what)


def toy_scores(obs):
    what = "sum |scores - notebook's|"
    if "toy_scores" in obs.errors:
        return failed_to_run("toy_scores", what, obs.errors["toy_scores"])
    part = Part("the toy scores", obs.get("toy_scores"), notebook.CORRECT_SCORES, sum_abs, notebook.SCORES_TOL)
    return from_parts("toy_scores", what, [part])


def toy_loss(obs):
    what = "|loss - notebook's|"
    if "toy" in obs.errors:
        return failed_to_run("toy_loss", what, obs.errors["toy"])
    part = Part("the toy loss", float(obs.get("toy/loss")), notebook.CORRECT_LOSS, abs_error, notebook.LOSS_TOL)
    return reg_after_train(obs, default_reg(obs, from_parts("toy_loss", what, [part])))


def reg_after_train(obs, check):
    """The toy loss check, or ``reg_kept_from_train`` when loss(X, y) without reg, on the instance the
    main run has trained, is the loss of its final params at train's reg, not at reg = 0."""
    got, final, prob = obs.get("loss_trained"), obs.params("trace/final"), problems.train_problem()
    if not check.passed or got is None or len(final) < 4:
        return check
    net = TwoLayerNet.from_params(final)
    want, at_train = (float(net.loss(prob.X, prob.y, reg=r)[0]) for r in (0.0, prob.kwargs["reg"]))
    if not np.all(np.isfinite([float(got), want, at_train])):  # nan matching nan is no evidence
        return check
    if abs(float(got) - want) <= notebook.LOSS_TOL * max(1.0, abs(want)):
        return check
    if abs(float(got) - at_train) > notebook.LOSS_TOL * max(1.0, abs(at_train)):
        return check  # another loss at the trained params: the loss problems judge the loss itself
    return named("toy_loss", abs(float(got) - want), notebook.LOSS_TOL, check.what, "reg_kept_from_train",
                 f"after train (reg={prob.kwargs['reg']:g}), loss(X, y) without reg on the trained instance returned "
                 f"{float(got):.12g}, the loss at reg = 0 is {want:.12g}: the loss at train's reg")


def default_reg(obs, check):
    """The toy loss check, or its failure when loss(X, y) without reg is not the loss at reg = 0 (the
    skeleton's default): ``reg_default_wrong`` when it is the loss at loss's own default reg."""
    got = obs.get("toy_default_reg/loss")
    if not check.passed or got is None:
        return check
    params, X, y, _ = evidence.inputs(obs)["toy"]
    want = mistakes.truth(params, X, y, 0.0)["loss"]
    if abs(float(got) - want) <= notebook.LOSS_TOL:
        return check
    seen = f"loss(X, y) without reg returned {float(got):.12g} on the toy problem, the loss at reg = 0 is {want:.12g}"
    default = obs.meta.get("loss_defaults", {}).get("reg")
    if default is not None and abs(float(got) - mistakes.truth(params, X, y, default)["loss"]) <= notebook.LOSS_TOL:
        return named("toy_loss", abs(float(got) - want), notebook.LOSS_TOL, check.what, "reg_default_wrong",
                     f"{seen}: the loss at loss's default reg={default:g}", f"{default:g}")
    return Check("toy_loss", False, abs(float(got) - want), notebook.LOSS_TOL, check.what,
                 f"{seen}; not a known mistake", part="regulariser")


def gradients(obs, parts):
    """The toy gradients against jax.grad of the true loss (float64), the notebook's rel. error."""
    what = "max rel. error vs jax.grad"
    if "toy" in obs.errors:
        return failed_to_run("gradients", what, obs.errors["toy"])
    return from_parts("gradients", what, [p for p in parts["toy"] if p.key.startswith("grads/")])


def gradients_numeric(obs):
    """The notebook's check: the gradients against the numeric gradient of the same loss."""
    what = "max rel. error vs numeric gradient of your loss"
    if "toy" in obs.errors or "numeric" in obs.errors:
        return failed_to_run("gradients_numeric", what, obs.errors.get("toy") or obs.errors["numeric"])
    own = evidence.own_consistency(obs)
    check = Check("gradients_numeric", max(own.values()) <= GRAD_TOL, max(own.values()), GRAD_TOL, what)
    off = [f"{k} ({e:.2g})" for k, e in own.items() if e > GRAD_TOL]
    if off:
        check.diagnosis = (f"your gradients disagree with the numeric gradient of your own loss for {', '.join(off)}: "
                           "your backward pass does not compute the gradient of the loss you return")
    return check


def init(obs):
    """__init__ after np.random.seed(0): the notebook's toy params in value, shape and dtype, in a
    dict of the instance's own (a second instance leaves them as they are)."""
    what = "params of the toy init unlike the notebook's (value, shape, dtype) or shared"
    if "init_shared" in obs.errors:
        return failed_to_run("init", what, obs.errors["init_shared"])
    said = init_differences(obs.params("init"), problems.toy_params())
    if obs.meta.get("init_shared"):
        return named("init", 1, 0, what, "params_shared", "params shared by every instance (a second TwoLayerNet "
                     "has the first one's dict or arrays)")
    if obs.meta.get("init_overlapping"):
        return named("init", 1, 0, what, "params_overlap", f"{joined(obs.meta['init_overlapping'])} are views of "
                     "one array in the instance's params", joined(obs.meta["init_overlapping"]))
    if said:
        return named("init", len(said), 0, what, "init_differs", f"the toy model's {joined(said.values())} after "
                     "np.random.seed(0) differ from the notebook's")
    reseeded = init_reseeded(obs, what) or init_other_sizes(obs, what)
    if reseeded:
        return reseeded
    got, want = obs.params("init_default"), problems.default_init_params()
    if got and init_differences(got, want):
        std = obs.meta.get("init_defaults", {}).get("std")
        seen = "TwoLayerNet(4, 10, 3) without std, after np.random.seed(0), differs from the skeleton's (std=1e-4)"
        if isinstance(std, (int, float)) and std == 1e-4:  # the default is right: __init__ treats it apart
            return Check("init", False, 1, 0, what, f"{seen}, though its default std is 1e-4: __init__ draws "
                         "otherwise when std is left at its default; not a known mistake", part="init")
        return named("init", 1, 0, what, "init_default_std_wrong", seen + (
                         f": its default std is {std:g}" if std is not None else ""), f"{std:g}" if std else "other")
    return Check("init", True, 0, 0, what, part="init")


def init_reseeded(obs, what):
    """A second instance, made after np.random.seed(1), with the seed-0 instance's weights where the
    skeleton draws others: ``init_rng_reseeded`` (__init__ seeds the generator itself); with weights
    of neither seed: ``init_differs``; else None."""
    got, seed0 = obs.params("init_seed1"), problems.toy_params()
    want = problems.seeded_init_params(problems.SECOND_SEED, std=1e-1)
    differences = init_differences(got, want) if got else {}
    if not differences:
        return None
    seen = f"TwoLayerNet(4, 10, 3, std=0.1) after np.random.seed({problems.SECOND_SEED})"
    if not init_differences(got, seed0):
        return named("init", 1, 0, what, "init_rng_reseeded", f"{seen} has the same weights as after "
                     "np.random.seed(0)")
    return named("init", 1, 0, what, "init_differs", f"{seen} differs from the skeleton's draw "
                 f"({joined(differences.values())})")


def init_other_sizes(obs, what):
    """TwoLayerNet at ``problems.OTHER_SIZES`` after np.random.seed(0): the skeleton's draw at those
    sizes (``init_differs`` when not: a toy size held in __init__); else None."""
    seen = "TwoLayerNet({}, {}, {}, std=0.1)".format(*problems.OTHER_SIZES)
    if "init_other" in obs.errors:
        return Check("init", False, 1, 0, what, f"{seen} raised {obs.errors['init_other']}", part="init")
    got = obs.params("init_other")
    differences = init_differences(got, problems.seeded_init_params(0, 1e-1, problems.OTHER_SIZES)) if got else {}
    if not differences:
        return None
    return named("init", len(differences), 0, what, "init_differs", f"{seen} after np.random.seed(0) differs from "
                 f"the skeleton's draw ({joined(differences.values())}), while the toy model's sizes are right")


def init_differences(got, want):
    """{param: how it differs from the notebook's}: its shape, its dtype (an integer array, whose
    in-place float updates raise or truncate, or a float32 one) or its values."""
    said = {}
    for k in problems.PARAM_NAMES:
        if k not in got:
            said[k] = f"{k} missing"
        elif got[k].shape != want[k].shape:
            said[k] = f"{k} (shape {got[k].shape}, not {want[k].shape})"
        elif got[k].dtype != np.float64:  # an integer array, or float32: the toy model's loss runs on rounded params
            said[k] = f"{k} (dtype {got[k].dtype}, not float64)"
        elif not np.allclose(got[k], want[k], rtol=1e-12, atol=0):
            said[k] = k
    return said


def loss_problem(obs, prob, parts):
    """Loss, gradients and scores on one extra problem, against the truth (float64)."""
    what = f"{prob.what}: max error (loss, grads, scores)"
    error = obs.errors.get(prob.name, "")
    refused = prob.name == "integer_inputs" and re.match(r"\w*(TypeError|AssertionError)", error)
    if refused:  # the notebook gives floats: refusing integers (a type error, an assert) is no
        return Check(prob.name, True, None, None, what, f"your code raised {error} on integer "
                     "inputs; the notebook's inputs are floats, so it does not count (wrong values there would)")
    if prob.name in obs.errors:
        return failed_to_run(prob.name, what, obs.errors[prob.name])
    return from_parts(prob.name, what, parts[prob.name])


def other_sizes(obs):
    """Loss, gradients and scores on the problem of other sizes, against the NumPy oracle."""
    prob = problems.other_sizes_problem()
    what = f"{prob.what}: max error (loss, grads, scores)"
    if prob.name in obs.errors:
        return failed_to_run(prob.name, what, obs.errors[prob.name])
    if obs.get(f"{prob.name}/loss") is None:  # no net could be made at those sizes: the init check says so
        return Check(prob.name, False, None, None, what, "TwoLayerNet could not be made at these sizes",
                     consequence_of="init")
    return from_parts(prob.name, what, evidence.problem_parts(obs, prob.name, edge_cases.oracle(prob)))


def no_mutation(obs):
    """``loss`` must leave X, y and the params as it found them."""
    changed = {k.split("/")[0]: v for k, v in obs.meta.items() if k.endswith("/mutated") and v}
    text = "; ".join(f"on the {p} problem, loss changed {', '.join(v)} in place" for p, v in changed.items())
    if len(changed) > 1 and len({tuple(v) for v in changed.values()}) == 1:
        text = (f"on the {', '.join(changed)} problems, loss changed {', '.join(next(iter(changed.values())))} "
                "in place")
    if changed:
        text += " (work on copies: X - m, not X -= m; W = W - ..., not W -= ... inside loss)"
    return Check("no_mutation", not changed, len(changed), 0, "problems where loss changed its inputs", text)


def grads_format(obs):
    """grads: the keys of params, the shape of each param, float64 for float64 params."""
    issues = []
    shapes = {"toy": problems.toy_params(), **{n: p.params for n, p in problems.loss_problems().items()}}
    for probe, params in shapes.items():
        keys = obs.meta.get(f"{probe}/grad_keys")
        if keys is None:
            continue
        if sorted(keys) != sorted(problems.PARAM_NAMES):
            issues.append(f"grads has keys {keys}, expected {list(problems.PARAM_NAMES)}")
        for k in problems.PARAM_NAMES:
            g, dtype = obs.get(f"{probe}/grads/{k}"), obs.meta.get(f"{probe}/dtype/{k}")
            if g is not None and g.shape != params[k].shape:
                issues.append(f"grads['{k}'] has shape {g.shape}, expected {params[k].shape}")
            if dtype is not None and dtype != "float64":
                issues.append(f"grads['{k}'] is {dtype} while params['{k}'] is float64")
    issues = list(dict.fromkeys(issues))
    return Check("grads_format", not issues, len(issues), 0, "problems with grads' keys, shapes, dtypes",
                 "; ".join(issues[:6]))


def toy_training(obs):
    """The notebook's section 5: the final loss of 100 iterations on the toy problem < 0.2, and its
    whole loss history the NumPy oracle's run's (the same seed, train's defaults): where it is not, the
    oracle's run with one thing changed that gives it locates the mistake (``toy_run.located``)."""
    what = f"final loss (notebook: {notebook.FINAL_TOY_LOSS:.6f}) and the loss history"
    if "toy_training" in obs.errors:
        return failed_to_run("toy_training", what, obs.errors["toy_training"])
    history = obs.get("toy_training/loss_history")
    final = float(history[-1]) if history is not None and history.size else float("nan")
    if not final < notebook.FINAL_TOY_LOSS_BOUND:
        text = (f"the loss went from {history[0]:.4g} to {final:.4g} in {history.size} iterations"
                if history.size else "loss_history is empty")
        return Check("toy_training", False, final, notebook.FINAL_TOY_LOSS_BOUND, what, text, part="training_update")
    seen = toy_run.differs(history)
    if seen is None:
        return Check("toy_training", True, final, notebook.FINAL_TOY_LOSS_BOUND, what, part="training_update")
    part, where = toy_run.located(history)
    return Check("toy_training", False, final, notebook.FINAL_TOY_LOSS_BOUND, what, f"{seen}{where}; not a known "
                 "mistake", part=part)


def predict(obs):
    """predict on 40 examples, then on the edge problem (ties, large scores, 300 rows): the argmax of
    the true scores (the NumPy oracle's), exactly."""
    what = "fraction of predictions wrong"
    if "predict" in obs.errors:
        return failed_to_run("predict", what, obs.errors["predict"])
    params, X = problems.predict_problem()
    want = TwoLayerNet.from_params(params).predict(X)
    got = obs.get("predict")
    if got is None:  # not an array of numbers: None, or objects
        return Check("predict", False, 1.0, 0.0, what, "predict returned no array of labels (None, or objects)",
                     part="predict")
    if got.shape != want.shape:
        return Check("predict", False, 1.0, 0.0, what,
                     f"predict returned shape {got.shape}, expected labels of shape {want.shape}")
    wrong = float(np.mean(got != want))
    if wrong == 0:
        return predict_edges(obs, what)
    rows = np.flatnonzero(got != want)
    return Check("predict", False, wrong, 0.0, what,
                 f"{len(rows)} of {len(want)} predictions differ, e.g. rows "
                 f"{', '.join(f'{i} (expected {want[i]}, got {got[i]})' for i in rows[:3])}")


def predict_edges(obs, what):
    """predict's edge probes in order, once it is right on the 40 examples: the first that differs
    fails the check (its detail led by ``predict_edge: ``)."""
    for probe, words, judge_probe in EDGE_PROBES:
        if probe in obs.errors:
            return Check("predict", False, None, None, what, f"{EDGE}{words}, your code raised {obs.errors[probe]}")
        failed = judge_probe(obs, what)
        if failed is not None:
            return failed
    return Check("predict", True, 0.0, 0.0, what, part="predict")


def edge_rows(obs, what):
    """The edge problem's 300 rows (ties, scores around 1000): which kinds of rows differ."""
    params, X = problems.predict_edge_problem()
    scores = true_scores(params, X)
    want, got = np.argmax(scores, axis=1), obs.get("predict_edge")
    if got is None or (got.shape == want.shape and not (got != want).any()):
        return None
    dropped = predictions.rows_dropped(got, want)
    if dropped:
        return named("predict", float(np.mean(got != want)) if got.shape == want.shape else 1.0, 0.0, what,
                     "predict_rows_dropped", f"{EDGE}on {len(want)} rows, predict returned {dropped}", dropped)
    if got.shape != want.shape:
        return Check("predict", False, 1.0, 0.0, what, f"{EDGE}predict returned shape {got.shape}, expected "
                                                         f"{want.shape}")
    wrong, tied = got != want, problems.TIED_ROWS
    unshifted = unshifted_softmax(scores, got, want, what)
    if unshifted:
        return unshifted
    kinds = [f"{wrong[:tied].sum()} of the {tied} rows whose scores are exactly tied (expected the first tied "
             "class, as np.argmax takes)"] if wrong[:tied].any() else []
    others = np.flatnonzero(wrong[tied:]) + tied
    kinds += [f"{len(others)} of the {len(want) - tied} others (rows {row_ranges(others)})"] if len(others) else []
    seen = f"{EDGE}on {len(want)} rows with scores around 1000, predictions differ on {' and '.join(kinds)}"
    last = scores.shape[1] - 1 - np.argmax(scores[:tied, ::-1], axis=1)  # the last of each tied row's highest
    if not len(others) and np.array_equal(got[:tied], last):
        return named("predict", float(wrong.mean()), 0.0, what, "predict_last_on_ties",
                     f"{seen}: each the last of the tied classes")
    return Check("predict", False, float(wrong.mean()), 0.0, what, seen)


def unshifted_softmax(scores, got, want, what):
    """predict_softmax_unshifted when predict's labels on the edge problem (its true ``scores``) are the
    argmax of exp(scores), or of exp(scores) / sum(exp(scores)), without the shift (inf and nan past
    exp's range), and not the true labels; else None."""
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(scores)
        forms = (("exp", np.argmax(e, axis=1)), ("the softmax", np.argmax(e / e.sum(axis=1, keepdims=True), axis=1)))
    for words, labels in forms:
        if np.array_equal(got, labels) and not np.array_equal(got, want):
            rows = np.flatnonzero(got != want)
            return named("predict", float(np.mean(got != want)), 0.0, what, "predict_softmax_unshifted",
                         f"{EDGE}on {len(want)} rows with scores around 1000, predictions differ on {len(rows)} "
                         f"(rows {row_ranges(rows)}), each the argmax of {words} of the unshifted scores", words)
    return None


def one_row(obs, what):
    """One row (X of shape (1, D)): labels of shape (1,)."""
    params, X = problems.predict_problem()
    want, got = np.argmax(true_scores(params, X[:1]), axis=1), obs.get("predict_one")
    if got is None or (got.shape == want.shape and np.array_equal(got, want)):
        return None
    return Check("predict", False, 1.0, 0.0, what, f"{EDGE}on one row (X of shape (1, {X.shape[1]})), predict "
                                                     f"returned {got.tolist()} of shape {got.shape}, expected "
                                                     f"{want.tolist()} of shape {want.shape}")


def column_major(obs, what):
    """The 40 rows as a column-major (Fortran-order) array: the same labels, and the same scores from
    loss(X) (code that flattens X in memory order scrambles its rows)."""
    params, X = problems.predict_problem()
    want, got = np.argmax(true_scores(params, X), axis=1), obs.get("predict_fortran")
    if got is not None and (got.shape != want.shape or not np.array_equal(got, want)):
        wrong = got != want if got.shape == want.shape else np.ones(len(want), bool)
        return Check("predict", False, float(np.mean(wrong)), 0.0, what,
                     f"{EDGE}on the same {len(want)} rows as a column-major (Fortran-order) array, predictions differ "
                     f"on {int(wrong.sum())} of them (shape {got.shape}), while the row-major array's are right")
    scores = edge_cases.column_major_scores_finding(obs)
    return scores and Check("predict", False, 0.0, 0.0, what, f"{EDGE}{scores.structure}")


def same_array(obs, what):
    """The same array again after the params changed in place: the new params' labels
    (``predict_cached`` when they are the old params')."""
    params, X = problems.predict_problem()
    want, got = np.argmax(true_scores(problems.predict_edge_problem()[0], X), axis=1), obs.get("predict_again")
    if got is None or (got.shape == want.shape and np.array_equal(got, want)):
        return None
    old = np.argmax(true_scores(params, X), axis=1)
    wrong = float(np.mean(got != want)) if got.shape == want.shape else 1.0
    seen = f"{EDGE}called again on the same array after the params changed in place, predict returned "
    if got.shape == old.shape and np.array_equal(got, old):
        return named("predict", wrong, 0.0, what, "predict_cached", seen + "the labels of the params before")
    return Check("predict", False, wrong, 0.0, what, seen + "other labels than the params' own")


def many_classes(obs, what):
    """300 classes: labels past 255 as they are."""
    params, X = problems.predict_many_problem()
    want, got = np.argmax(true_scores(params, X), axis=1), obs.get("predict_many")
    if got is None or (got.shape == want.shape and np.array_equal(got, want)):
        return None
    wrong = got != want if got.shape == want.shape else np.ones(len(want), bool)
    return Check("predict", False, float(np.mean(wrong)), 0.0, what,
                 f"{EDGE}with {problems.MANY_CLASSES} classes, predictions differ on {int(wrong.sum())} of "
                 f"{len(want)} rows (labels of dtype {got.dtype}; e.g. expected {want[wrong][:3].tolist()}, got "
                 f"{got[wrong][:3].tolist()})")


def after_train(obs, what):
    """predict on X_val on the instance the main run has trained: its final params' labels."""
    final, prob = obs.params("trace/final"), problems.train_problem()
    got = obs.get("predict_trained")
    if got is None or len(final) < 4:
        return None
    want = np.argmax(true_scores(final, prob.X_val), axis=1)
    if got.shape == want.shape and np.array_equal(got, want):
        return None
    wrong = got != want if got.shape == want.shape else np.ones(len(want), bool)
    return Check("predict", False, float(np.mean(wrong)), 0.0, what,
                 f"{EDGE}{AFTER_TRAIN} differs from its final params' labels "
                 f"on {int(wrong.sum())} of {len(want)} rows (it predicts with other params than the net's own)")


# predict's edge probes: (the observation's probe, what it is in words, its judge), in order
EDGE_PROBES = (("predict_edge", "on 300 rows with scores around 1000", edge_rows),
               ("predict_one", "on one row", one_row),
               ("predict_fortran", "on a column-major array", column_major),
               ("predict_again", "called again on the same array", same_array),
               ("predict_many", f"with {problems.MANY_CLASSES} classes", many_classes),
               ("predict_trained", "after train", after_train))


def judge(obs):
    """Every check, in the notebook's order, then the extra problems, the training steps, and
    the diagnosis; returns (checks, findings). The judging's own arithmetic on what the code
    returned (inf, nan, overflowing params) warns nothing: the checks say it."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return _judge(obs)


def _judge(obs):
    args = evidence.inputs(obs)
    truths = evidence.truths(obs)
    parts = evidence.all_parts(obs, truths)
    checks = ([init(obs), toy_scores(obs)] if obs.mode == "class" else []) + [toy_loss(obs), gradients(obs, parts),
                                                                   gradients_numeric(obs)]
    checks += [loss_problem(obs, prob, parts) for prob in problems.loss_problems().values()]
    checks += [other_sizes(obs), no_mutation(obs), grads_format(obs)]
    if obs.mode == "class":
        checks += [toy_training(obs), predict(obs)] + training_checks.judge_training(obs)
    findings = diagnosis.diagnose(obs, checks, parts, args, truths)
    return checks, findings
