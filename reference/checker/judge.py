"""The checks of the loss, its gradients, the toy training and predict, with their diagnoses.

Inputs are an :class:`Observation` (what the child recorded); expected values come from
``mistakes.truth`` (JAX, float64), the notebook's published numbers and the NumPy oracle.
Every comparison is in float64, whatever dtype the implementation returned.
"""

import json
from pathlib import Path

import numpy as np

from reference import TwoLayerNet, notebook
from reference.checker import diagnose, mistakes, problems, training_checks
from reference.checker.diagnose import Part
from reference.checker.report import Check

GRAD_TOL = notebook.GRAD_REL_TOL  # rel. error, vs jax.grad and vs the numeric gradient
LOSS_TOL = ARRAY_TOL = 1e-10  # the extra problems: relative to the loss / the largest entry
F32_TOL = diagnose.F32_TOL  # the float32-inputs problem


class Observation:
    """The child's record: arrays under slash-separated keys, metadata, errors by probe."""

    def __init__(self, folder):
        with np.load(Path(folder) / "obs.npz", allow_pickle=False) as z:
            self.arrays = {k: z[k] for k in z.files}
        data = json.loads((Path(folder) / "obs.json").read_text())
        self.meta, self.errors = data["meta"], data["errors"]
        self.mode = self.meta.get("mode", "class")

    def get(self, key):
        return self.arrays.get(key)

    def params(self, prefix):
        return {k: self.arrays[f"{prefix}/{k}"] for k in problems.PARAM_NAMES if f"{prefix}/{k}" in self.arrays}


def failed_to_run(name, what, error):
    return Check(name, False, None, None, what, f"your code raised {error}")


def toy_inputs(obs):
    """The toy problem's params (the student's own init, for a class) and X, y."""
    X, y = problems.toy_data()
    params = obs.params("init") if obs.mode == "class" else problems.toy_params()
    return (params if len(params) == 4 else problems.toy_params()), X, y


def init_diagnosis(obs):
    """(causes, text) if the class's toy init differs from the notebook's, else None."""
    if obs.mode != "class":
        return None
    got, want = obs.params("init"), problems.toy_params()
    bad = [k for k in problems.PARAM_NAMES if k not in got or diagnose.rel_error(got[k], want[k]) > 1e-12]
    if not bad:
        return None
    m = mistakes.BY_ID["init_differs"]
    return ["init_differs"], (f"the toy model's {diagnose._and(bad)} after np.random.seed(0) differ from the "
                              f"notebook's: {m.title}. Fix: {m.fix}. [cause: init_differs]")


def toy_scores(obs):
    what = "sum |scores - notebook's|"
    if "toy_scores" in obs.errors:
        return failed_to_run("toy_scores", what, obs.errors["toy_scores"])
    params, X, y = toy_inputs(obs)
    part = Part("the toy scores", obs.get("toy_scores"), notebook.CORRECT_SCORES, diagnose.sum_abs,
                notebook.SCORES_TOL, pick=lambda out: out["scores"])
    return _judged("toy_scores", what, [part], params, X, y, 0.0, first=init_diagnosis(obs))


def toy_loss(obs):
    what = "|loss - notebook's|"
    if "toy" in obs.errors:
        return failed_to_run("toy_loss", what, obs.errors["toy"])
    params, X, y = toy_inputs(obs)
    part = Part("the toy loss", float(obs.get("toy/loss")), notebook.CORRECT_LOSS,
                lambda g, w: abs(float(g) - float(w)) if np.isfinite(g) else np.inf, notebook.LOSS_TOL,
                pick=lambda out: out["loss"])
    return _judged("toy_loss", what, [part], params, X, y, notebook.LOSS_REG, first=init_diagnosis(obs))


def _judged(name, what, parts, params, X, y, reg, first=None):
    """A check from its parts; a failure is explained by the init (``first``) or the catalogue."""
    measured = max(p.measured for p in parts)
    if all(not p.failed for p in parts):
        return Check(name, True, measured, parts[0].tol, what)
    if first is not None:
        causes, text = first
    else:
        causes, text = diagnose.explain(parts, mistakes.catalogue(params, X, y, reg))
    return Check(name, False, measured, parts[0].tol, what, text, causes)


def grad_parts(obs, probe, want, error, tol):
    grads = {k: obs.get(f"{probe}/grads/{k}") for k in problems.PARAM_NAMES}
    return [Part(f"{k}'s gradient", grads[k] if grads[k] is not None else np.full(1, np.nan), want[k],
                 error, tol, pick=lambda out, k=k: out["grads"][k]) for k in problems.PARAM_NAMES]


def gradients(obs):
    """The toy gradients against jax.grad of the true loss (float64), the notebook's rel. error."""
    what = "max rel. error vs jax.grad"
    if "toy" in obs.errors:
        return failed_to_run("gradients", what, obs.errors["toy"])
    params, X, y = toy_inputs(obs)
    want = mistakes.truth(params, X, y, notebook.LOSS_REG)["grads"]
    parts = grad_parts(obs, "toy", want, diagnose.rel_error, GRAD_TOL)
    return _judged("gradients", what, parts, params, X, y, notebook.LOSS_REG)


def gradients_numeric(obs, analytic_check):
    """The notebook's check: analytic gradients against the numeric gradient of the same loss."""
    what = "max rel. error vs numeric gradient"
    if "toy" in obs.errors or "numeric" in obs.errors:
        return failed_to_run("gradients_numeric", what, obs.errors.get("toy") or obs.errors["numeric"])
    numeric = {k: obs.get(f"numeric/{k}") for k in problems.PARAM_NAMES}
    parts = grad_parts(obs, "toy", numeric, diagnose.rel_error, GRAD_TOL)
    measured = max(p.measured for p in parts)
    if measured <= GRAD_TOL:
        return Check("gradients_numeric", True, measured, GRAD_TOL, what)
    if not analytic_check.passed:  # the analytic gradients are wrong: say why once, the same way
        return Check("gradients_numeric", False, measured, GRAD_TOL, what, analytic_check.diagnosis,
                     analytic_check.causes)
    dtype = obs.meta.get("toy/loss_type", "")
    text = ("your gradients are right, but your loss disagrees with them: its numeric gradient is off, "
            "so the loss itself is wrong or not smooth (see the loss checks)")
    if "float32" in dtype:
        return Check("gradients_numeric", False, measured, GRAD_TOL, what,
                     text + "; it is a float32 number, and float32 rounding divided by the step h=1e-5 "
                     "swamps a numeric gradient [cause: float32]", ["float32"])
    return Check("gradients_numeric", False, measured, GRAD_TOL, what, text)


def loss_problem(obs, prob):
    """Loss and gradients on one extra problem, against the truth (float64)."""
    what = "max error (loss, grads)"
    if prob.name in obs.errors:
        return failed_to_run(prob.name, what, obs.errors[prob.name])
    f32 = prob.name == "float32_inputs"
    X = prob.X.astype(np.float64)  # the float32 inputs' exact values
    truth = mistakes.truth(prob.params, X, prob.y, prob.reg)
    loss_tol, array_tol = (F32_TOL, F32_TOL) if f32 else (LOSS_TOL, ARRAY_TOL)
    parts = [Part("the loss", float(obs.get(f"{prob.name}/loss")), truth["loss"], diagnose.scaled_error,
                  loss_tol, pick=lambda out: out["loss"])]
    parts += grad_parts(obs, prob.name, truth["grads"], diagnose.scaled_error_small, array_tol)
    scores = obs.get(f"{prob.name}/scores")
    if scores is not None:
        parts.append(Part("the scores", scores, truth["scores"], diagnose.scaled_error, array_tol,
                          pick=lambda out: out["scores"]))
    check = _judged(prob.name, what, parts, prob.params, X, prob.y, prob.reg)
    check.what = f"{prob.what}: {what}"
    return check


def no_mutation(obs):
    """``loss`` must leave X, y and the params as it found them."""
    changed = {k.split("/")[0]: v for k, v in obs.meta.items() if k.endswith("/mutated") and v}
    text = "; ".join(f"on the {p} problem, loss changed {diagnose._and(v)} in place" for p, v in changed.items())
    if changed:
        text += " (work on copies: X - m, not X -= m; W = W - ..., not W -= ... inside loss)"
    return Check("no_mutation", not changed, len(changed), 0, "problems where loss changed its inputs", text)


def grads_format(obs):
    """grads: the keys of params, the shape of each param, float64 for float64 params."""
    issues, causes = [], []
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
                if dtype == "float32":
                    causes.append("float32")
    issues = list(dict.fromkeys(issues))
    text = "; ".join(issues[:6])
    if causes:
        m = mistakes.BY_ID["float32"]
        text += f". This matches {m.title}. Fix: {m.fix}. [cause: float32]"
    return Check("grads_format", not issues, len(issues), 0, "problems with grads' keys, shapes, dtypes",
                 text, sorted(set(causes)))


def toy_training(obs):
    """The notebook's section 5: the final loss of 100 iterations on the toy problem < 0.2."""
    what = f"final loss (notebook: {notebook.FINAL_TOY_LOSS:.6f})"
    if "toy_training" in obs.errors:
        return failed_to_run("toy_training", what, obs.errors["toy_training"])
    history = obs.get("toy_training/loss_history")
    final = float(history[-1]) if history is not None and history.size else float("nan")
    passed = bool(final < notebook.FINAL_TOY_LOSS_BOUND)
    text = "" if passed else (f"the loss went from {history[0]:.4g} to {final:.4g} in {history.size} iterations; "
                              "see the gradient and training-step checks for why" if history.size else
                              "loss_history is empty")
    return Check("toy_training", passed, final, notebook.FINAL_TOY_LOSS_BOUND, what, text)


def predict(obs):
    """predict on 40 examples: the argmax of the true scores (the NumPy oracle's), exactly."""
    what = "fraction of predictions wrong"
    if "predict" in obs.errors:
        return failed_to_run("predict", what, obs.errors["predict"])
    params, X = problems.predict_problem()
    want = TwoLayerNet.from_params(params).predict(X)
    got = obs.get("predict")
    if got.shape != want.shape:
        return Check("predict", False, 1.0, 0.0, what,
                     f"predict returned shape {got.shape}, expected labels of shape {want.shape}")
    wrong = float(np.mean(got != want))
    if wrong == 0:
        return Check("predict", True, 0.0, 0.0, what)
    no_relu = np.argmax((X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"], axis=1)
    if np.array_equal(got, no_relu):
        m = mistakes.BY_ID["predict_no_relu"]
        return Check("predict", False, wrong, 0.0, what,
                     f"your predictions match {m.title}. Fix: {m.fix}. [cause: predict_no_relu]", [m.id])
    rows = np.flatnonzero(got != want)[:5]
    return Check("predict", False, wrong, 0.0, what,
                 f"{len(np.flatnonzero(got != want))} of {len(want)} predictions differ, e.g. rows "
                 f"{', '.join(f'{i} (expected {want[i]}, got {got[i]})' for i in rows)}; no known mistake matches")


def judge(obs):
    """Every check, in the notebook's order, then the extra problems, then the training steps."""
    checks = [toy_scores(obs)] if obs.mode == "class" else []
    checks.append(toy_loss(obs))
    checks.append(gradients(obs))
    checks.append(gradients_numeric(obs, checks[-1]))
    if obs.mode == "class":
        checks += [toy_training(obs), predict(obs)]
    checks += [loss_problem(obs, prob) for prob in problems.loss_problems().values()]
    checks += [no_mutation(obs), grads_format(obs)]
    if obs.mode == "class":
        checks += blame_predict(training_checks.judge_training(obs), checks[5])
    return checks


def blame_predict(train_checks, predict_check):
    """Accuracy histories are computed with the student's predict: if predict is wrong, say so."""
    if predict_check.passed:
        return train_checks
    for c in train_checks:
        if c.name.endswith("acc_history") and not c.passed and not c.causes:
            c.diagnosis = ("predict is wrong (see the predict check), and train records accuracies with it: "
                           + c.diagnosis + "".join(f" [cause: {mid}]" for mid in predict_check.causes))
            c.causes = list(predict_check.causes)
    return train_checks
