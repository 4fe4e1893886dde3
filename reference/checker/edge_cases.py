"""Findings of the probes of edge cases (NumPy): a second ``loss(X)`` on the same array after the
params changed (scores cached by X are the old params' scores), ``predict`` on ties, scores above
exp's range and more rows than a chunk of 128 (``problems.predict_edge_problem``), and the loss at
other sizes than the toy's (``problems.other_sizes_problem``).
"""

import re

import numpy as np

from reference import TwoLayerNet
from reference.checker import causes, mistakes, problems
from reference.checker.report import Finding
from reference.checker.training_record import named_title

EDGE = "predict_edge: "  # leads the predict check's detail when only the edge problem differs
AFTER_TRAIN = "after train, predict(X_val) on the trained instance"  # predict_trained's words


def true_scores(params, X):
    """The notebook's scores h1 W2 + b2, h1 = max(0, X W1 + b1)."""
    return np.maximum(X @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]


def edge_scores_finding(obs):
    """The forward pass's finding when loss(X) on the edge problem's 300 rows (more than the loss
    problems' 5), or on the predict problem's rows as a column-major array, differs from the true
    scores: which rows differ; else None."""
    params, X = problems.predict_edge_problem()
    got, want = obs.get("predict_edge/scores"), true_scores(params, X)
    if got is None or (got.shape == want.shape and np.allclose(got, want, rtol=1e-10, atol=1e-10)):
        return column_major_scores_finding(obs)
    if got.shape != want.shape:
        text = f"loss(X) on {len(X)} rows returned scores of shape {got.shape}, expected {want.shape}"
    else:
        rows = np.flatnonzero(~np.all(np.isclose(got, want, rtol=1e-10, atol=1e-10), axis=1))
        text = (f"loss(X) on {len(X)} rows returned other scores on {len(rows)} of them (rows "
                f"{row_ranges(rows)}), right on the others")
    return Finding("scores", None, "not a known mistake", text, causes.look_first("scores"), checks=["predict"])


def column_major_scores_finding(obs):
    """The forward pass's finding when loss(X) on the predict problem's rows as a column-major
    (Fortran-order) array differs from the true scores; else None."""
    params, X = problems.predict_problem()
    got, want = obs.get("predict_fortran/scores"), true_scores(params, X)
    if got is None or (got.shape == want.shape and np.allclose(got, want, rtol=1e-10, atol=1e-10)):
        return None
    text = (f"loss(X) on {len(X)} rows as a column-major (Fortran-order) array returned other scores (shape "
            f"{got.shape}) than on the same rows row-major")
    return Finding("scores", None, "not a known mistake", text, causes.look_first("scores"), checks=["predict"])


def row_ranges(rows, most=4):
    """'3, 256-299': sorted row indices as ranges."""
    spans = []
    for r in rows:
        if spans and r == spans[-1][1] + 1:
            spans[-1][1] = r
        else:
            spans.append([r, r])
    text = [f"{a}" if a == b else f"{a}-{b}" for a, b in spans[:most]]
    return ", ".join(text) + (", ..." if len(spans) > most else "")


def stale_scores(got):
    """Whether the toy scores are the scores of the params set before (the predict problem's) on the
    same array, and not the toy params' own."""
    X, _ = problems.toy_data()
    old, new = true_scores(problems.predict_problem()[0], X), true_scores(problems.toy_params(), X)
    return (got is not None and got.shape == old.shape and np.allclose(got, old, rtol=1e-10, atol=0)
            and not np.allclose(got, new, rtol=1e-10, atol=0))


def stale_scores_finding(obs, checks):
    """scores_cached when the toy scores, asked for again on the same array after the params changed
    (in place) and changed back, are the scores of the params in between: the accuracy histories
    (predict on the same X_val after each update) then follow from it."""
    by_name = {c.name: c for c in checks}
    head = by_name.get("toy_scores")
    if head is None or head.passed or not stale_scores(obs.get("toy_scores")):
        return None
    m = mistakes.BY_ID["scores_cached"]
    structure = ("loss(X) on the toy X, called on the same array after the params changed in place and changed "
                 "back, returned the scores of the params in between")
    head.part, head.causes = m.part, [m.id]
    head.diagnosis = f"{structure}: this matches {m.title}. Fix: {m.fix}. [cause: {m.id}]"
    for c in checks:
        if not c.passed and c.name.endswith("acc_history"):
            c.consequence_of = head.name
    return Finding(m.part, m.id, m.title, structure, m.fix, checks=[head.name])


def predict_edge_finding(check, findings, obs):
    """predict right on the 40 examples and wrong on the edge problem: its own mistake, not a known
    one; or None when the forward pass is wrong (predict then follows the scores); or the forward
    pass's finding when ``loss(X)`` on the edge problem's rows gives other scores too."""
    if any(f.part == "scores" for f in findings):
        check.consequence_of = "scores"
        return None
    scores = edge_scores_finding(obs)
    if scores is not None:  # predict on those rows shows the forward pass's mistake: its evidence
        check.diagnosis = f"{check.diagnosis.removeprefix(EDGE)}: {scores.structure}"
        return scores
    seen = check.diagnosis.removeprefix(EDGE)
    if check.causes:  # named where the check was judged
        m = mistakes.BY_ID[check.causes[0]]
        check.diagnosis = seen
        return Finding("predict", m.id, named_title(check), seen.split(": this matches")[0], m.fix,
                       checks=["predict"])
    check.diagnosis = f"{seen}; not a known mistake"
    return Finding("predict", None, "not a known mistake", seen, causes.look_first("predict"), checks=["predict"])


def oracle(prob):
    """The NumPy oracle's outputs on a loss problem: {"loss", "grads", "scores"} (float64)."""
    net = TwoLayerNet.from_params(prob.params)
    loss, grads = net.loss(prob.X, prob.y, reg=prob.reg)
    return {"loss": float(loss), "grads": grads, "scores": net.loss(prob.X)}


def raised_in(text):
    """'gradient' when the line that raised (the error's ``line N: code``) computes a gradient:
    it names grads, a gradient's variable (dW2, dscores, g_logits: GRADIENT_NAMES) or a backward
    function; else None."""
    return "gradient" if re.search(GRADIENT_NAMES, raised_line(text)) else None


def raised_line(text):
    """The code of the line an error names (``line N: code``), or ''."""
    return text.rpartition(": ")[2] if ", line " in text else ""


# a gradient's name in code: grads, dW1, dX, dz1, dh, db2, dscores, dout, dhidden, g_logits, grad_W1,
# W1_grad, delta2, backward (not data_loss)
GRADIENT_NAMES = (r"\bgrads?\b|\bd[A-Z]\w*|\bd[zhabsx]\d*\b|\bd(?:scores|probs|out|hidden|relu|logits)\w*|backward"
                  r"|\bg_\w+|\bgrad_\w+|\w+_grads?\b|\bdelta\w*")
# the other parts of loss a raising line can be in, by its words: the reg term's, the softmax's
RAISED_IN = (("regulariser", r"\breg\b"), ("data_loss", r"\b(log|exp|softmax|probs?|loss|logsumexp|one_?hot|eye)\b"))


def other_sizes_finding(obs, checks, loss_side):
    """The mistake that shows only at other sizes than the toy's (a toy size held in the code): a
    finding located by what differs there, and by nothing else (no cause is named); None when that
    check passes, or when another loss-side check (``loss_side``: their names) fails too."""
    check = next((c for c in checks if c.name == "other_sizes"), None)
    if check is None or check.passed or check.consequence_of:
        return None
    if any(c.name in loss_side and not c.passed for c in checks):
        return None  # the same mistake as theirs (``other_sizes_joined``)
    prob = problems.other_sizes_problem()
    part, params, seen = other_sizes_part(obs, prob)
    structure = f"only at {prob.what}, while every problem of the toy's sizes agrees: {seen}"
    check.part, check.diagnosis = part, f"{structure}; not a known mistake"
    return Finding(part, None, "not a known mistake", structure, causes.look_first(part, params), params,
                   checks=[check.name])


def other_sizes_joined(checks, findings):
    """The problem of other sizes failing beside another loss-side check: one more check of the loss
    side's first finding (the same mistake shows there too)."""
    check = next((c for c in checks if c.name == "other_sizes"), None)
    owner = next((f for f in findings if f.part not in ("init", "predict") and f.checks), None)
    if check is None or check.passed or check.consequence_of or check.part or owner is None:
        return
    owner.checks.append(check.name)
    check.part = owner.part
    check.diagnosis = check.diagnosis or f"the same mistake as {owner.checks[0]}'s"


def other_sizes_part(obs, prob):
    """(part, gradients concerned, what differs) on the problem of other sizes."""
    name, want = prob.name, oracle(prob)
    scores = obs.get(f"{name}/scores")
    scores_right = scores is not None and scores.shape == want["scores"].shape and np.allclose(
        scores, want["scores"], rtol=1e-8, atol=1e-10)
    if f"{name}_scores" in obs.errors:
        return "scores", (), f"loss(X) raised {obs.errors[name + '_scores']}"
    if scores is not None and not scores_right:
        return "scores", (), f"loss(X) returned other scores (shape {scores.shape}, expected {want['scores'].shape})"
    if name in obs.errors:
        code = raised_line(obs.errors[name])
        part = raised_in(obs.errors[name]) or next((p for p, words in RAISED_IN if re.search(words, code)),
                                                   "data_loss" if scores_right else "scores")
        return part, (), f"loss(X, y) raised {obs.errors[name]}"
    loss = float(obs.get(f"{name}/loss"))
    if not np.isclose(loss, want["loss"], rtol=1e-8, atol=1e-10):
        at_zero, zero_want = obs.get(f"{name}/loss_reg0"), TwoLayerNet.from_params(prob.params).loss(prob.X, prob.y)[0]
        reg_only = at_zero is not None and np.isclose(float(at_zero), zero_want, rtol=1e-8, atol=1e-10)
        return ("regulariser" if reg_only else "data_loss"), (), (
            f"the loss is {loss:.10g}, expected {want['loss']:.10g}" + (" (right at reg = 0)" if reg_only else ""))
    bad = tuple(k for k in problems.PARAM_NAMES if not _close(obs.get(f"{name}/grads/{k}"), want["grads"][k]))
    return "gradient", bad, f"the loss is right, the gradients differ for {', '.join(bad)}"


def _close(got, want):
    return got is not None and got.shape == want.shape and np.allclose(got, want, rtol=1e-7, atol=1e-10)
