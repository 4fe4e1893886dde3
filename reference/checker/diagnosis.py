"""From the checks to the mistakes: one finding per mistake, consequences marked (NumPy).

The loss side is diagnosed on the evidence of every problem at once: a cause is named only
when it explains everything (``explain.py``); the part is located by catalogue-free probes
either way (``locate.py``). The init, predict and the training loop are judged by their own
checks. A check that fails only because another did is a consequence: the toy scores and
loss when the init differs, predict when it only follows wrong scores, the accuracy histories
when predict is wrong, the toy training run when anything else is wrong.
"""


import numpy as np

from reference.checker import (causes, edge_cases, explain, formulas, locate, mistakes, predictions, problems,
                               structure, training_checks, written)
from reference.checker.edge_cases import raised_in
from reference.checker.report import Finding
from reference.checker.training_record import joined, named_title, seen_detail

LOSS_CHECKS = {"toy_scores", "toy_loss", "gradients", "gradients_numeric", "no_mutation", "grads_format",
               *problems.loss_problems()}


def named_finding(named, located):
    """The finding of a cause that explains everything (``causes.Named``)."""
    m = mistakes.BY_ID[named.cause]
    grad = next((x for x in located if x.params), None)  # the located gradients (backward or reg term)
    params = tuple(named.params) or (grad.params if grad and causes.part_of(m, grad.params) == grad.part else ())
    fill = {"params": joined(params) if params else "", "detail": named.detail}
    factor = f" ({named.factor:.4g} x)" if named.factor is not None else ""
    title = m.title.format(**fill) + factor + causes.MODES[named.mode]
    structure = located[0].structure if located else ""
    return Finding(causes.part_of(m, params), m.id, title, structure, m.fix.format(**fill), params,
                   grad.backward_agrees if grad else None)


def loss_findings(obs, parts, args, truths):
    """The loss side's findings: one named cause, or the located parts with their structure."""
    located = locate.locate(obs, parts, args)
    named = explain.name_cause(parts, truths, args)
    if named is not None:
        return [named_finding(named, located)]
    return [Finding(x.part, None, "not a known mistake", x.structure, causes.look_first(x.part, x.params),
                    x.params, x.backward_agrees) for x in located]


def check_parts(name, parts):
    """The evidence parts a loss-side check is judged on."""
    if name in ("toy_scores", "toy_loss", "gradients"):
        key = {"toy_scores": "scores", "toy_loss": "loss"}.get(name, "grads/")
        return [p for p in parts.get("toy", []) if p.key.startswith(key)]
    return parts.get(name, [])


def shows_part(part, check_parts_):
    """Whether a check's failing parts show the mistake's own part (the scores for the forward
    pass, the loss for the data loss or regulariser, a gradient for the backward pass)."""
    key = {"scores": "scores", "data_loss": "loss", "regulariser": ("loss", "grads/"), "gradient": "grads/"}.get(part)
    return key is not None and any(p.failed and p.key.startswith(key) for p in check_parts_)


def _owner(check, parts, findings):
    """The loss-side finding a failing check belongs to: the gradient one for a check that
    fails on gradients only, else the first."""
    bad = [p for p in check_parts(check.name, parts) if p.failed]
    grad = next((f for f in findings if f.params and f.part in ("gradient", "regulariser")), None)
    if grad and (check.name == "gradients_numeric" or (bad and all(p.key.startswith("grads/") for p in bad))):
        return grad
    return findings[0]


def cause_text(finding, check, parts):
    """A check's detail when its finding is a named cause."""
    m = mistakes.BY_ID[finding.cause]
    bad = [f"{p.label} on {p.problem} (error {p.measured:.2g})" for p in check_parts(check.name, parts) if p.failed]
    lead = joined(bad[:3]) + (f" and {len(bad) - 3} more" if len(bad) > 3 else "") if bad else check.diagnosis
    return f"{lead}: this matches {finding.text}. Fix: {finding.look_first}. [cause: {m.id}]"


def located_text(check, parts, part, most=2):
    """Where a check's failing parts differ, entry by entry, those of the mistake's ``part`` first."""
    bad = sorted((p for p in check_parts(check.name, parts) if p.failed), key=lambda p: not shows_part(part, [p]))
    lines = [f"{p.label} on {p.problem} (error {p.measured:.2g}, tolerance {p.tol:.0e}): "
             f"{structure.worst_entries(p.got, p.want)}" for p in bad[:most]]
    return "\n".join(lines + ([f"and {len(bad) - most} more parts"] if len(bad) > most else []))


def raised_scores_finding(obs, check, truths):
    """The forward pass's finding when the loss raised on a problem whose scores, loss(X) asked for
    alone, have another shape than the true ones (a squeeze, a lost axis): the raise follows
    from them. None otherwise."""
    got, truth = obs.get(f"{check.name}/scores"), truths.get(check.name)
    if not check.diagnosis.startswith("your code raised") or got is None or truth is None:
        return None
    want = np.shape(truth["scores"])
    if got.shape == want:
        return None
    text = f"loss(X) on {check.name} returned scores of shape {got.shape}, expected {want}, and loss(X, y) raised"
    return Finding("scores", None, "not a known mistake", text, causes.look_first("scores"))


def orphan_finding(check):
    """A finding for a failing loss-side check that no probe located (a raise, a mutation, a format)."""
    text = check.diagnosis or f"{check.name} failed"
    part = "gradient" if check.name in ("grads_format", "gradients", "gradients_numeric") else "data_loss"
    if check.name == "no_mutation":
        part = "gradient" if ("W1" in text or "W2" in text or "b1" in text or "b2" in text) else "scores"
    if text.startswith("your code raised"):  # loss(X) raising is the forward pass's
        part = "scores" if check.name == "toy_scores" else raised_in(text) or part
    return Finding(part, None, "not a known mistake", text, causes.look_first(part))


def init_finding(obs, checks, parts):
    """The init check's finding: init_differs (or params_shared); toy_scores and toy_loss then
    follow from it (they compare with the notebook's numbers), and so does gradients_numeric when
    your gradients match jax.grad and the numeric gradient matches the truth to its own accuracy or
    every loss problem passes (the notebook's elementwise check, at other params than its own, fails
    on tiny entries), and every toy check when a weight has another shape (grads_format too when every
    loss problem passes), or loss raises on the toy
    model alone, or its params are float32 and every loss problem (float64 params) passes; a param
    of integer dtype also makes the numeric gradient (its steps are lost) and the training runs (the
    update raises) consequences."""
    by_name = {c.name: c for c in checks}
    head = by_name.get("init")
    if head is None or head.passed:
        return None
    got, want = obs.params("init"), problems.toy_params()
    loss_right = all(by_name[name].passed for name in problems.loss_problems())
    numeric_right = by_name["gradients"].passed and (loss_right or not any(
        p.failed for p in parts.get("toy", []) if p.key.startswith("numeric/")))
    follows = {"toy_scores", "toy_loss"} | ({"gradients_numeric"} if numeric_right else set())
    reshaped = any(k in got and got[k].shape != want[k].shape for k in want)
    others_right = not any(p.failed for n, ps in parts.items() if n != "toy" for p in ps)
    rounded = any(k in got and got[k].dtype.kind == "f" and got[k].dtype != np.float64 for k in want)
    if reshaped or (("toy" in obs.errors or rounded) and others_right):
        follows |= {"gradients", "gradients_numeric"}  # the toy model ran on params of other shapes or dtype
    if reshaped and loss_right:  # the toy's grads take its params' shapes; every other problem's are right
        follows.add("grads_format")
    if any(k in got and got[k].dtype.kind != "f" for k in want):
        follows |= {"gradients_numeric", "toy_training"} | {c.name for c in checks if c.name.startswith("train_")
                                                              or c.name.endswith("_history")}
    for c in checks:
        if c.name in follows and not c.passed:
            c.consequence_of = "init"
    head.part = "init"  # also when the probe raised and no cause was named
    return judged_finding(head)


def predict_finding(obs, check, findings):
    """predict's own mistake, or None when it only follows wrong scores (it is the argmax of the
    code's own scores on the same inputs)."""
    if check.passed:
        return None
    if check.diagnosis.startswith(edge_cases.EDGE):
        return edge_cases.predict_edge_finding(check, findings, obs)
    params, X = problems.predict_problem()
    got, own = obs.get("predict"), obs.get("predict/scores")
    hidden = np.maximum(X @ params["W1"] + params["b1"], 0)
    true_scores = hidden @ params["W2"] + params["b2"]
    if (own is not None and got is not None and own.shape == true_scores.shape and got.shape == own.shape[:1]
            and np.array_equal(got, np.argmax(own, axis=1)) and not np.allclose(own, true_scores)):
        if any(f.part == "scores" for f in findings):
            check.consequence_of = "scores"
            return None
        # the loss problems' scores are right: the forward pass goes wrong only on these 40 rows
        rows = np.flatnonzero(~np.all(np.isclose(own, true_scores), axis=1))
        text = (f"loss(X) on predict's {len(X)} rows returns other scores at rows {edge_cases.row_ranges(rows)}, and "
                "predict is their argmax: the forward pass goes wrong on these inputs (the loss problems' at most "
                "12 rows are right)")
        check.diagnosis += f"; {text}; not a known mistake"
        check.part = "scores"
        return Finding("scores", None, "not a known mistake", text, causes.look_first("scores"), checks=["predict"])
    titles = {k: mistakes.BY_ID[k].title for k in formulas.EVERY_FORWARD}
    # a cause must give predict's labels on the problem of 300 classes too (rows of another net)
    many_params, many_X = problems.predict_many_problem()
    many = obs.get("predict_many")
    probes = [(got, params, X)] + ([(many, many_params, many_X)] if many is not None else [])
    found = predictions.explained(probes, titles) if got is not None else None
    dropped = predictions.rows_dropped(got, np.argmax(true_scores, axis=1)) if got is not None else None
    if dropped and many is not None and not rows_fit(many, many_params, many_X):
        dropped = None  # the 300-class rows must show it too, or be right
    found = found or (dropped and ("predict_rows_dropped", dropped))
    if found:
        m = mistakes.BY_ID[found[0]]
        title = m.title.format(detail=found[1])
        check.diagnosis = f"your predictions match {title}. Fix: {m.fix}. [cause: {m.id}]"
        check.causes = [m.id]
        return Finding("predict", m.id, title, check.diagnosis.split(". Fix")[0], m.fix, checks=["predict"])
    own_note = ("; it is not the argmax of your own scores" if own is not None and got is not None
                and own.ndim == 2 and got.shape == own.shape[:1] and not np.array_equal(got, np.argmax(own, axis=1))
                else "")
    seen = check.diagnosis + own_note
    check.diagnosis = seen + "; not a known mistake"
    return Finding("predict", None, "not a known mistake", seen, causes.look_first("predict"), checks=["predict"])


def judged_finding(check):
    """The finding of a check that located (and maybe named) its mistake when it was judged."""
    m = mistakes.BY_ID.get(check.causes[0]) if check.causes else None
    return Finding(check.part, m and m.id, named_title(check) if m else "not a known mistake", seen_detail(check),
                   m.fix if m else causes.look_first(check.part), checks=[check.name])


def training_findings(checks, predict_wrong):
    """One finding per training mistake: checks grouped by their cause, else by their part."""
    groups = {}
    for c in checks:
        if c.passed or c.consequence_of:
            continue
        if predict_wrong and c.name.endswith("acc_history"):  # recorded with a wrong predict: no cause of its own
            c.consequence_of, c.causes, c.diagnosis = "predict", [], seen_detail(c)
            continue
        key = c.causes[0] if c.causes else c.part
        groups.setdefault(key, []).append(c)
    findings = []
    for key, group in groups.items():
        m = mistakes.BY_ID.get(key)
        group.sort(key=lambda c: bool(m) and c.part != m.part)  # a check of the cause's own part first
        head = group[0]
        structure = seen_detail(head)
        findings.append(Finding(head.part, m and m.id, named_title(head) if m else "not a known mistake", structure,
                                m.fix if m else causes.look_first(head.part), checks=[c.name for c in group]))
    return findings


def diagnose(obs, checks, parts, args, truths):
    """The findings of one file, in order: loss side, init, predict, training. Fills each failing
    check's diagnosis and causes, and marks the consequences."""
    by_name = {c.name: c for c in checks}
    own = [c for c in checks if c.name in LOSS_CHECKS and not c.passed and c.part]  # located where judged
    init = init_finding(obs, checks, parts)
    alias = (written.alias_finding(obs, checks) or written.reg_in_weights_finding(obs, checks)
             or edge_cases.stale_scores_finding(obs, checks))
    judged = [c for c in checks if c.name in LOSS_CHECKS and not c.passed and not c.consequence_of
              and not (alias and c.name in alias.checks) and c not in own]
    findings = loss_findings(obs, parts, args, truths) if judged else []
    for c in judged:
        if not findings:
            findings.append(raised_scores_finding(obs, c, truths) or orphan_finding(c))
        owner = _owner(c, parts, findings)
        owner.checks.append(c.name)
        c.part = owner.part
        if owner.cause:
            c.diagnosis, c.causes = cause_text(owner, c, parts), [owner.cause]
        elif not c.diagnosis:
            c.diagnosis = located_text(c, parts, owner.part) or owner.structure
    other = edge_cases.other_sizes_finding(obs, checks, LOSS_CHECKS)
    findings = ([alias] if alias else []) + [f for f in findings if f.checks] + [judged_finding(c) for c in own]
    findings += [other] if other else []
    edge_cases.other_sizes_joined(checks, findings)
    for f in findings:
        f.checks.sort(key=lambda name: not shows_part(f.part, check_parts(name, parts)))
    findings += [init] if init else []
    steps = by_name.get("train_steps")
    stale = steps is not None and training_checks.STALE in steps.diagnosis  # a step's loss not at self.params
    if "predict" in by_name and stale and edge_cases.AFTER_TRAIN in by_name["predict"].diagnosis:
        # predict reads the same stale values
        by_name["predict"].consequence_of = steps.name
    elif "predict" in by_name:
        found = predict_finding(obs, by_name["predict"], findings)
        findings += [found] if found else []
    train = [c for c in checks if c.name.startswith("train_") or c.name.endswith("_history")]
    raised = train and "raised" in train[0].diagnosis and not train[0].passed
    owner = raised and next((f for f in findings if f.part not in ("init", "predict")
                             or (f.part == "predict" and "predict(" in train[0].diagnosis)), None)
    if owner:  # train ran on the loss's (or predict's) wrong outputs, a shape or a NaN: no mistake of its own
        for c in train:
            c.consequence_of = c.consequence_of or owner.checks[0]
    loss_wrong = next((c for c in checks if c.name in LOSS_CHECKS and not c.passed), None)
    if loss_wrong is not None and stale and not steps.causes:
        steps.consequence_of = steps.consequence_of or loss_wrong.name  # its steps' losses follow the loss's own
    findings += training_findings(train, "predict" in by_name and not by_name["predict"].passed)
    toy = by_name.get("toy_training")
    if toy is not None and not toy.passed:
        if findings:
            toy.consequence_of = findings[0].checks[0] if findings[0].checks else findings[0].part
        else:
            part = toy.part or "training_update"  # where the toy run's own probes locate it
            findings.append(Finding(part, None, "not a known mistake", toy.diagnosis.removesuffix("; not a known "
                                    "mistake"), causes.look_first(part), checks=["toy_training"]))
    findings = state_kept(obs, findings, by_name, init)
    for c in checks:
        if c.consequence_of and not c.diagnosis:
            c.diagnosis = f"follows from {c.consequence_of}, which fails"
    return findings


def rows_fit(labels, params, X):
    """Whether predict's labels on another problem are right, or right up to rows dropped too."""
    want = np.argmax(edge_cases.true_scores(params, X), axis=1)
    return (labels.shape == want.shape and np.array_equal(labels, want)) or bool(predictions.rows_dropped(labels, want))


def state_kept(obs, findings, by_name, init):
    """The findings, or, when loss returns another value for the same call made again (it keeps
    state between calls: every later check sees other values), the loss side's first finding, saying
    so, with every finding after it but the init's a consequence of it."""
    first, again = obs.get("toy/loss"), obs.get("toy_again/loss")
    head = next((f for f in findings if f.part in ("scores", "data_loss", "regulariser", "gradient") and f.checks),
                None)
    if head is None or first is None or again is None or np.allclose(first, again, rtol=1e-12, atol=0,
                                                                     equal_nan=True):
        return findings
    said = (f"loss(X, y) called again on the same params and inputs returned {float(again):.10g}, not "
            f"{float(first):.10g}: it keeps state between calls, so later calls see other values")
    head.structure = f"{said}; {head.structure}" if head.structure else said
    for f in findings:
        if f is not head and f is not init:
            for name in f.checks:
                by_name[name].consequence_of = by_name[name].consequence_of or head.checks[0]
    return [f for f in findings if f is head or f is init]
