"""Findings of the probes of edge cases (NumPy): a second ``loss(X)`` on the same array after the
params changed (scores cached by X are the old params' scores), and ``predict`` on ties, scores above
exp's range and more rows than a chunk of 128 (``problems.predict_edge_problem``).
"""

import numpy as np

from reference.checker import causes, mistakes, problems
from reference.checker.report import Finding
from reference.checker.training_record import named_title

EDGE = "predict_edge: "  # leads the predict check's detail when only the edge problem differs


def true_scores(params, X):
    """The notebook's scores h1 W2 + b2, h1 = max(0, X W1 + b1)."""
    return np.maximum(X @ params["W1"] + params["b1"], 0) @ params["W2"] + params["b2"]


def edge_scores_finding(obs):
    """The forward pass's finding when loss(X) on the edge problem's 300 rows (more than the loss
    problems' 5) differs from the true scores: which rows differ; else None."""
    params, X = problems.predict_edge_problem()
    got, want = obs.get("predict_edge/scores"), true_scores(params, X)
    if got is None:
        return None
    if got.shape != want.shape:
        text = f"loss(X) on {len(X)} rows returned scores of shape {got.shape}, expected {want.shape}"
    else:
        rows = np.flatnonzero(~np.all(np.isclose(got, want, rtol=1e-10, atol=1e-10), axis=1))
        if not len(rows):
            return None
        text = (f"loss(X) on {len(X)} rows returned other scores on {len(rows)} of them (rows "
                f"{row_ranges(rows)}), right on the others")
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
