"""Which part of the loss side is wrong, from probes that need no catalogue (NumPy).

The probes, on the evidence of every problem (``evidence.py``):
* the scores (``loss(X)``) against the truth: the forward pass;
* reg = 0 against reg > 0 on the same params and examples: the data loss or the regulariser;
* every score shifted by a constant (``score_shift``): the softmax loss must not change;
* each parameter perturbed alone (the numeric gradient of the code's own loss): does the loss
  depend on it as it should, and does the code's gradient follow its own loss?
* the shape of each difference (``structure.py``).
"""

from dataclasses import dataclass, field

import numpy as np

from reference.checker import causes, evidence, structure
from reference.checker.evidence import NAMES, NUMERIC_TOL
from reference.checker.measures import scaled_error_small


@dataclass
class Located:
    """A located mistake: ``part`` (a ``causes.PARTS`` key), the gradients concerned, whether the
    backward pass agrees with the code's own loss (None: not known), and the structure in words."""
    part: str
    params: tuple = ()
    backward_agrees: object = None
    structure: str = ""
    notes: list = field(default_factory=list)


def failing(parts_by_problem, key):
    return [p for parts in parts_by_problem.values() for p in parts if p.failed and p.key == key]


def loss_free_of(parts_by_problem):
    """Params the code's loss does not depend on (its numeric gradient is 0, the true one is not)."""
    numeric = {p.param: p for p in parts_by_problem.get("toy", []) if p.key.startswith("numeric/")}
    return [k for k, p in numeric.items()
            if np.all(np.asarray(p.got) == 0) and np.max(np.abs(p.want)) > 1e-12]


def shift_changes_loss(obs):
    """How much the code's loss moves when every score is shifted by a constant (0 for a softmax)."""
    a, b = obs.get("score_shift/loss"), obs.get("reg_zero/loss")
    if a is None or b is None or "score_shift" in obs.errors or "reg_zero" in obs.errors:
        return None
    return abs(float(a) - float(b)) / max(1.0, abs(float(b)))


def forward_part(obs, parts_by_problem, args):
    """The located forward mistake (scores, data loss or regulariser), or None if the loss is right."""
    reg_of = {n: args[n][3] for n in parts_by_problem}
    bad_scores = failing(parts_by_problem, "scores")
    bad_loss = failing(parts_by_problem, "loss")
    if bad_scores:
        p = bad_scores[0]
        params = args[p.problem][0]
        shape = structure.describe(p.got, p.want, {"min(z1, 0) W2 (the ReLU's negative side)":
                                                   evidence.inactive_directions(args[p.problem])["scores"]},
                                   named={"b2": params["b2"]})
        notes = [f"the scores differ {structure.where_it_shows([q.problem for q in bad_scores], reg_of)}"
                 + (f": {shape}" if shape else "")]
        return Located("scores", structure=notes[0], notes=notes)
    if not bad_loss:
        return None
    where = [p.problem for p in bad_loss]
    moved = shift_changes_loss(obs)
    if moved is not None and moved > evidence.LOSS_TOL:
        text = f"your loss changes by {moved:.3g} when every score is shifted by the same constant (a softmax does not)"
        return Located("data_loss", structure=text, notes=[text])
    at_zero = reg_at_zero(bad_loss, args)
    if at_zero:
        text = (f"the loss differs only where reg = 0, by {at_zero:.4g} x (sum(W1**2) + sum(W2**2)) on every such "
                "problem: a reg used when reg = 0 is asked (reg = reg or a default? 0.0 is falsy)")
        return Located("regulariser", structure=text, notes=[text])
    if "reg_zero" in where or (len(set(where)) == 1 and where[0] in structure.SPECIAL) or set(where) == structure.LARGE:
        return Located("data_loss", structure=_loss_text(bad_loss, args, reg_of, data=True))
    if all(reg_of[n] > 0 for n in where):
        return Located("regulariser", structure=_loss_text(bad_loss, args, reg_of, data=False))
    return Located("data_loss", structure=_loss_text(bad_loss, args, reg_of, data=True))


def reg_at_zero(bad_loss, args):
    """c when the loss differs only on problems with reg = 0, on each by c * (sum(W1**2) + sum(W2**2))
    for one c > 0 (a reg term where none is asked); else None."""
    if not bad_loss or any(args[p.problem][3] != 0 for p in bad_loss):
        return None
    ratios = [(float(p.got) - float(p.want)) / evidence.reg_term(args[p.problem][0]) for p in bad_loss]
    c = ratios[0]
    return c if c > 0 and np.allclose(ratios, c, rtol=1e-6, atol=0) else None


def _loss_text(bad_loss, args, reg_of, data):
    """How the loss differs, with the ratio of the data part (reg = 0) or of the reg term."""
    where = structure.where_it_shows([p.problem for p in bad_loss], reg_of)
    ratios = []
    for p in bad_loss[:3]:
        params, _, _, reg = args[p.problem]
        true_reg = reg * evidence.reg_term(params)
        if data:
            ratios.append((p.problem, (p.got - true_reg) / (p.want - true_reg)))
        elif true_reg > 0:
            ratios.append((p.problem, (p.got - (p.want - true_reg)) / true_reg))
    what = "your data loss / the true one" if data else "your reg term / reg * (sum(W1**2) + sum(W2**2))"
    shown = ", ".join(f"{r:.4g} ({n})" for n, r in ratios if np.isfinite(r))
    return f"the loss differs {where}" + (f"; {what}: {shown}" if shown else "")


def gradient_part(obs, parts_by_problem, args, forward):
    """The located backward mistake, or None when the gradients are right or follow the
    (wrong) forward pass. ``forward``: the located forward mistake or None."""
    bad = {k: failing(parts_by_problem, f"grads/{k}") for k in NAMES}
    bad = {k: v for k, v in bad.items() if v}
    if not bad:
        return None
    own = evidence.own_consistency(obs, scaled_error_small)
    free = loss_free_of(parts_by_problem)
    disagree = [k for k in bad if own.get(k, np.inf) > NUMERIC_TOL]
    if forward is not None:
        if free:
            forward.notes.append(f"your loss does not depend on {', '.join(free)} (its numeric gradient is 0)")
        # a gradient wrong only where the forward is wrong follows from it (a backward written
        # for the usual forward); one wrong where the forward is right is a mistake of its own
        right = {p.problem for ps in parts_by_problem.values() for p in ps} - {
            p.problem for key in ("loss", "scores") for p in failing(parts_by_problem, key)}
        own_mistake = [k for k in disagree if k not in free and any(p.problem in right for p in bad[k])]
        if not own_mistake:
            off = [k for k in disagree if k not in free]
            forward.notes.append(f"your backward differs from your own loss's gradient for {', '.join(off)}, as one "
                                 "written for the usual forward pass would" if off else
                                 "your backward matches your forward; your forward computes a different function")
            return None
        bad = {k: bad[k] for k in own_mistake}
    reg_of = {n: args[n][3] for n in parts_by_problem}
    shapes = [f"{k}: {_grad_shape(bad[k][0], args)}" for k in bad]
    where = structure.where_it_shows(sorted({p.problem for v in bad.values() for p in v}, key=list(args).index), reg_of)
    # with the loss right everywhere, a gradient that differs cannot be the loss's gradient
    agrees = (not disagree if own else None) if forward is not None else False
    if forward is None and reg_term_only(parts_by_problem, bad, reg_of):
        text = (f"your loss is right; the reg term's gradient differs for {', '.join(bad)} ({where}): "
                + "; ".join(shapes))
        return Located(causes.reg_term_gradient_part(bad), tuple(bad), False, text)
    lead = ("your forward is right; your backward differs for " if forward is None else "your backward differs for ")
    text = f"{lead}{', '.join(bad)} ({where}): " + "; ".join(shapes)
    if agrees:
        text = f"your backward matches your own loss, yet {', '.join(bad)} differ ({where}): " + "; ".join(shapes)
    return Located("gradient", tuple(bad), agrees, text)


def reg_term_only(parts_by_problem, bad, reg_of):
    """Whether the gradients differ only where reg > 0 and, on the same params and examples, are
    right at reg = 0 and wrong at reg = 1 (``reg_zero`` against ``reg_large``): the data loss's
    backward is right, the reg term's gradient is not (``causes.reg_term_gradient_part``)."""
    def grads_failed(problem):
        grads = [p for p in parts_by_problem.get(problem, []) if p.key.startswith("grads/")]
        return any(p.failed for p in grads) if grads else None
    shown = {p.problem for v in bad.values() for p in v}
    return (all(reg_of[n] > 0 for n in shown) and grads_failed("reg_zero") is False
            and grads_failed("reg_large") is True)


def _grad_shape(part, args):
    params, _, _, reg = args[part.problem]
    k = part.param
    directions = {f"reg * {k}": reg * params[k]} if reg > 0 else {}
    inactive = evidence.inactive_directions(args[part.problem]).get(part.key)
    if inactive is not None:
        directions["the gradient through inactive ReLU units (z1 <= 0)"] = inactive
    return structure.describe(part.got, part.want, directions) or structure.worst_entries(part.got, part.want)


def locate(obs, parts_by_problem, args):
    """[Located] for the loss side: the forward mistake and/or the backward one; [] if all right."""
    forward = forward_part(obs, parts_by_problem, args)
    backward = gradient_part(obs, parts_by_problem, args, forward)
    if forward is not None:
        forward.structure = "; ".join(dict.fromkeys([forward.structure] + forward.notes))
    return [x for x in (forward, backward) if x is not None]
