"""Mistakes that write into the params inside ``loss`` (NumPy): a gradient returned as its param's own
array, and the reg term's gradient computed in the weight's own array.

Either way every later call sees overwritten weights, so the checks that call loss again on the same
params (the numeric gradient, the training runs) follow from it. A check of one call on fresh copies
follows only where the overwritten weight explains its outputs; otherwise it stays judged on its own.
"""

import numpy as np

from reference import TwoLayerNet
from reference.checker import backward, evidence, mistakes, problems
from reference.checker.report import Finding
from reference.checker.training_record import joined

NAMES = problems.PARAM_NAMES


def alias_finding(obs, checks):
    """gradient_aliases_param when loss returned a param's own array as its gradient and changed it."""
    seen = [v for key, v in obs.meta.items() if key.endswith("/aliased")]
    aliased = [k for k in NAMES if any(k in v for v in seen)]  # in the params' order
    by_name = {c.name: c for c in checks}
    if not aliased or by_name["no_mutation"].passed:
        return None
    return _mutation_finding(checks, by_name["no_mutation"], "gradient_aliases_param", aliased)


def reg_in_weights_finding(obs, checks):
    """reg_gradient_in_weights when, on every problem it ran (two regs at least), loss left each weight it
    changed multiplied by 2 * reg (zero at reg = 0), and changed the same weights wherever that is not the weight
    itself: the reg term's gradient computed in the weight's own array (grad = W; grad *= 2 * reg).
    The checks of one call whose only differences are W1's and b1's gradients computed from the
    overwritten W2 (dh1 = dscores W2^T, read after it was scaled) follow from it too."""
    by_name = {c.name: c for c in checks}
    head = by_name.get("no_mutation")
    if head is None or head.passed:
        return None
    inputs = {**evidence.inputs(obs), "other_sizes": _other_sizes_inputs()}
    written, regs = set(), set()
    for name, (params, _, _, reg) in inputs.items():
        changed = obs.meta.get(f"{name}/mutated")
        if changed is None or name in obs.errors or 2 * reg == 1:  # 2 reg W is W itself at reg = 0.5
            continue
        if not changed or not set(changed) <= {"W1", "W2"} or (written and set(changed) != written):
            return None
        if not all(_close(obs.get(f"{name}/after/{k}"), 2 * reg * params[k]) for k in changed):
            return None
        written, regs = set(changed), regs | {reg}
    if not written or len(regs) < 2:  # 2 reg W on one reg alone is W times a number, any number
        return None
    explained = {"gradients" if name == "toy" else name for name, args in inputs.items()
                 if _read_after(obs, name, *args)}  # the toy problem's gradients are the gradients check's
    return _mutation_finding(checks, head, "reg_gradient_in_weights", sorted(written), explained)


def _mutation_finding(checks, head, cause, params, follow=()):
    """The finding of ``cause`` on the no_mutation check, the repeated calls' checks (and ``follow``)
    its consequences."""
    for c in checks:
        if not c.passed and c is not head and (c.name in ("gradients_numeric", "toy_training", *follow)
                                               or c.name.startswith("train_") or c.name.endswith("_history")):
            c.consequence_of = head.name
    m = mistakes.BY_ID[cause]
    fill = {"params": joined(params)}
    title, fix = m.title.format(**fill), m.fix.format(**fill)
    structure = head.diagnosis.split(" (work on copies")[0]
    head.part, head.causes = m.part, [m.id]
    head.diagnosis = f"{structure}: this matches {title}. Fix: {fix}. [cause: {m.id}]"
    return Finding(m.part, m.id, title, structure, fix, tuple(params), checks=[head.name])


def _other_sizes_inputs():
    prob = problems.other_sizes_problem()
    return prob.params, prob.X.astype(np.float64), prob.y, prob.reg


def _read_after(obs, name, params, X, y, reg):
    """Whether the code's loss and gradients on one problem are the reference's, W1's and b1's possibly
    computed from W2 * 2 reg (the weight as loss left it) in dh1."""
    loss, truth = TwoLayerNet.from_params(params).loss(X, y, reg=reg)
    v = backward.values(params, X, y)
    dz1 = np.where(v["z1"] > 0, v["dscores"] @ (2 * reg * params["W2"]).T, 0.0)
    read = {"W1": X.T @ dz1 + 2 * reg * params["W1"], "b1": dz1.sum(axis=0)}
    got = {k: obs.get(f"{name}/grads/{k}") for k in NAMES}
    return _close(obs.get(f"{name}/loss"), loss) and all(
        got[k] is not None and (_close(got[k], truth[k]) or (k in read and _close(got[k], read[k]))) for k in NAMES)


def _close(got, want):
    if got is None:
        return False
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    return got.shape == want.shape and bool(np.all(np.abs(got - want) <= 1e-9 * max(1.0, float(np.max(np.abs(want),
                                                                                                         initial=0)))))
