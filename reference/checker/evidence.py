"""The evidence of the loss side: what the code's ``loss`` returned on every problem, beside
the truth at the same inputs, as compared quantities (``measures.Part``).

Problems: "toy" (the notebook's, at the class's own init params and reg 0.05, with the
numeric gradient of the code's own loss) and the extra problems of ``problems.py``. Every
diagnosis is judged on all of them at once: a cause is named only if it explains each part.
"""

import json
import math
from pathlib import Path

import numpy as np

from reference import notebook
from reference.checker import mistakes, problems
from reference.checker.measures import Part, abs_error, rel_error, scaled_error, scaled_error_small, sum_abs

GRAD_TOL = notebook.GRAD_REL_TOL  # rel. error, vs jax.grad and vs the numeric gradient
LOSS_TOL = ARRAY_TOL = 1e-10  # the extra problems: relative to the loss / the largest entry
F32_TOL = 1e-5  # the float32-inputs problem: float32 rounding, ~1e-7 relative per operation
# A numeric gradient (centred, h = 1e-5) against an exact one, relative to the largest entry:
# far above its truncation and rounding (~1e-9 here), far below a factor or a missing term.
NUMERIC_TOL = 1e-6
NAMES = problems.PARAM_NAMES
LABELS = {"loss": "the loss", "scores": "the scores", **{f"grads/{k}": f"{k}'s gradient" for k in NAMES},
          **{f"numeric/{k}": f"the numeric gradient of your loss for {k}" for k in NAMES}}


class Observation:
    """The child's record: arrays under slash-separated keys, metadata, errors by probe."""

    def __init__(self, folder):
        data = json.loads((Path(folder) / "obs.json").read_text())
        self.raw, self.index, self.arrays = (Path(folder) / "obs.bin").read_bytes(), data["arrays"], {}
        self.meta, self.errors = data["meta"], data["errors"]
        self.mode = self.meta.get("mode", "class")

    def get(self, key):
        """The array recorded under ``key`` (read on first use: most of a run's arrays never are), or None."""
        if key not in self.arrays and key in self.index:
            self.arrays[key] = read_array(self.raw, *self.index[key])
        return self.arrays.get(key)

    def params(self, prefix):
        return {k: self.get(f"{prefix}/{k}") for k in NAMES if f"{prefix}/{k}" in self.index}


def read_array(raw, dtype, shape, offset):
    """An array of ``dtype`` (plain: numbers or text) and ``shape`` from ``raw`` at ``offset``."""
    dtype = np.dtype(dtype)
    if dtype.kind not in "biufcSU":
        raise ValueError(f"an observation holds plain arrays only, not {dtype}")
    count = math.prod(shape)
    return np.frombuffer(raw, dtype, count, offset).reshape(shape)


def toy_params(obs):
    """The toy problem's params: the class's own init (after np.random.seed(0)) if it has the
    notebook's shapes and is finite, else the notebook's."""
    params = obs.params("init") if obs.mode == "class" else {}
    notebook = problems.toy_params()
    usable = len(params) == 4 and all(params[k].shape == notebook[k].shape and np.isfinite(params[k]).all()
                                      for k in notebook)
    return {k: v.astype(np.float64) for k, v in params.items()} if usable else notebook


def inputs(obs):
    """{problem: (params, X (float64), y, reg)} for the toy problem and every extra one."""
    X, y = problems.toy_data()
    out = {"toy": (toy_params(obs), X, y, notebook.LOSS_REG)}
    for name, prob in problems.loss_problems().items():
        out[name] = (prob.params, prob.X.astype(np.float64), prob.y, prob.reg)
    return out


def truths(obs):
    """{problem: the true outputs} (``mistakes.truth``, cached per input)."""
    return {name: mistakes.truth(*args) for name, args in inputs(obs).items()}


def grad(obs, probe, k):
    """The code's gradient for k on a problem (NaN if it returned none)."""
    g = obs.get(f"{probe}/grads/{k}")
    return g if g is not None else np.full(1, np.nan)


def problem_parts(obs, name, truth):
    """The parts compared on one problem; [] if the code raised there."""
    if name in obs.errors:
        return []
    if name == "toy":
        loss_err, grad_err, loss_tol, grad_tol, scores_err, scores_tol = (
            abs_error, rel_error, notebook.LOSS_TOL, GRAD_TOL, sum_abs, notebook.SCORES_TOL)
        scores = obs.get("toy_scores") if "toy_scores" not in obs.errors else None
    else:
        tol = F32_TOL if name == "float32_inputs" else LOSS_TOL
        loss_err, grad_err, loss_tol, grad_tol, scores_err, scores_tol = (
            scaled_error, scaled_error_small, tol, tol, scaled_error, tol)
        scores = obs.get(f"{name}/scores")
    parts = [Part(LABELS["loss"], float(obs.get(f"{name}/loss")), truth["loss"], loss_err, loss_tol, name, "loss")]
    parts += [Part(LABELS[f"grads/{k}"], grad(obs, name, k), truth["grads"][k], grad_err, grad_tol, name, f"grads/{k}")
              for k in NAMES]
    if scores is not None:
        parts.append(Part(LABELS["scores"], scores, truth["scores"], scores_err, scores_tol, name, "scores"))
    if name == "toy" and "numeric" not in obs.errors:
        parts += [Part(LABELS[f"numeric/{k}"], obs.get(f"numeric/{k}"), truth["grads"][k], scaled_error_small,
                       NUMERIC_TOL, name, f"numeric/{k}") for k in NAMES]
    return parts


def all_parts(obs, truth_by_problem):
    """{problem: [Part]} for every problem the code ran without raising."""
    return {name: problem_parts(obs, name, truth) for name, truth in truth_by_problem.items()}


def own_consistency(obs, error=rel_error):
    """{param: error of the code's toy gradient against the numeric gradient of its own loss}
    (by default the notebook's gradient check); {} if either could not be computed."""
    if "toy" in obs.errors or "numeric" in obs.errors:
        return {}
    return {k: error(grad(obs, "toy", k), obs.get(f"numeric/{k}")) for k in NAMES}


def reg_term(params):
    """sum(W1**2) + sum(W2**2): the regulariser at reg = 1."""
    return float(np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2))


def split_truth(args, truth):
    """The true outputs split into the data part and the reg part: (data loss, data grads, reg grads)."""
    params, _, _, reg = args
    reg_grads = {k: (2 * reg * params[k] if k.startswith("W") else np.zeros_like(params[k])) for k in NAMES}
    return truth["loss"] - reg * reg_term(params), {k: truth["grads"][k] - reg_grads[k] for k in NAMES}, reg_grads


def inactive_directions(args):
    """What flows through the ReLU where it is off (z1 <= 0), per problem (NumPy, float64):
    {"scores": min(z1, 0) W2, "grads/W1": X.T (dh1 [z1 <= 0]), "grads/b1": sum_i dh1 [z1 <= 0]},
    dh1 being the true upstream gradient of the hidden layer."""
    params, X, y, _ = args
    z1 = X @ params["W1"] + params["b1"]
    scores = np.maximum(z1, 0) @ params["W2"] + params["b2"]
    p = np.exp(scores - scores.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    p[np.arange(len(y)), y] -= 1
    dh1 = (p / len(y)) @ params["W2"].T
    off = np.where(z1 <= 0, dh1, 0.0)
    return {"scores": np.minimum(z1, 0) @ params["W2"], "grads/W1": X.T @ off, "grads/b1": off.sum(axis=0)}
