"""The learning rate train used at every step, judged against the notebook's schedule (NumPy).

Per step t and parameter, the rate is lr_t = -<P_{t+1} - P_t, g_t> / <g_t, g_t>, with the
residual telling whether the step was a multiple of the gradient at all. Steps that are not are
fitted as an update with a velocity (momentum, v_t = mu v_{t-1} - lr_t g_t) or with weight decay
(-lr_t (g_t + c P_t)); rates that are are compared with the known wrong schedules.
"""

import itertools

import numpy as np

from reference.checker import problems
from reference.checker.report import Check
from reference.checker.training_record import (RATE_EXACT, RATE_TOL, close, epoch_sets, iterations_text, joined,
                                               named, params_after, update_fit, values_text)

NAMES = problems.PARAM_NAMES
WHAT = "max rel. error of the inferred learning rates, beyond the params' rounding"


def schedule(start, decay, decay_at, num_iters, before=False):
    """The value used at every step when ``start`` is multiplied by ``decay`` after (or before)
    the steps where ``decay_at(it)``."""
    values, value = [], start
    for it in range(num_iters):
        if before and decay_at(it):
            value *= decay
        values.append(value)
        if not before and decay_at(it):
            value *= decay
    return np.array(values)


def schedules(lr0, decay, boundaries, num_iters):
    """The learning rate of every step: the notebook's schedule and the known wrong ones."""
    right = schedule(lr0, decay, lambda it: it in boundaries, num_iters)
    once = schedule(lr0, decay, lambda it: it == boundaries[0], num_iters)  # lr = lr0 * decay, or one epoch test
    return right, {"update_ascends": -right,
                   "lr_never_decayed": np.full(num_iters, lr0),
                   "lr_decayed_every_iteration": schedule(lr0, decay, lambda it: True, num_iters),
                   "lr_decayed_before_update": schedule(lr0, decay, lambda it: it in boundaries, num_iters, True),
                   "lr_decayed_once": once,
                   "lr_decay_as_rate": np.full(num_iters, float(decay)),
                   "lr_set_to_decay": np.where(np.arange(num_iters) > boundaries[0], decay, lr0),
                   "lr_decayed_by_complement": schedule(lr0, 1 - decay, lambda it: it in boundaries, num_iters),
                   "lr_applied_twice:learning_rate ** 2": right ** 2,
                   "update_twice_undecayed": right + lr0,
                   "lr_decay_compounded:epoch": compounded(lr0, decay, boundaries, num_iters),
                   "lr_decay_compounded:(epoch + 1)": compounded(lr0, decay, boundaries, num_iters, first=1),
                   "lr_annealed_by_iteration": right / np.arange(1, num_iters + 1),
                   "lr_inverted": np.divide(1, right, out=np.full_like(right, np.inf), where=right != 0),
                   "lr_and_decay_swapped": schedule(decay, lr0, lambda it: it in boundaries, num_iters),
                   "update_at_epochs_only": np.where(np.isin(np.arange(num_iters), boundaries), right, 0.0),
                   "lr_decay_time_based": lr0 / (1 + decay * np.searchsorted(boundaries, np.arange(num_iters))),
                   "update_one_iteration_late": np.append(right[1:], 0.0)}


def compounded(lr0, decay, boundaries, num_iters, first=0):
    """The rate multiplied by decay ** k after the k-th epoch boundary (k = first, first + 1, ...):
    decay ** epoch applied to the rate already decayed."""
    values, value, k = [], lr0, first
    for it in range(num_iters):
        values.append(value)
        if it in boundaries:
            value, k = value * decay ** k, k + 1
    return np.array(values)


def infer_rates(steps, final):
    """(rates (T, 4), residuals (T, 4)): per step and parameter, ``training_record.update_fit`` of its
    update to the params after it."""
    fits = [update_fit(step, after) for step, after in zip(steps, params_after(steps, final))]
    if not fits:
        return np.full((0, 4), np.nan), np.zeros((0, 4))
    return np.array([r for r, _ in fits]), np.array([e for _, e in fits])


def rate_rounding(steps, final, eps):
    """(T, 4): how far the params' rounding (``eps``: their dtype's) alone can move each inferred
    rate, relative: eps ||P_t|| / ||P_{t+1} - P_t|| (a step small beside its params is known less
    exactly), at most RATE_TOL (a step that moved nothing is no rounding)."""
    return np.array([[min(eps * np.linalg.norm(step["params"][k]) / max(np.linalg.norm(after[k] - step["params"][k]),
                                                                       1e-300), RATE_TOL)
                      for k in NAMES] for step, after in zip(steps, params_after(steps, final))])


def rate_changes(used):
    """'x0.5 after iterations 0, 5' — where and by how much the rate changed, in time order."""
    ratios = used[1:] / used[:-1]
    moved = [t for t, r in enumerate(ratios) if abs(r - 1) > RATE_TOL]
    return ", ".join(f"x{ratios[t]:.4g} after iteration {t}" for t in moved) or "never changed"


def decayed_after(used, decay):
    """The iterations after which the rate was multiplied by ``decay`` (else unchanged); None if
    it changed in any other way."""
    ratios = used[1:] / used[:-1]
    if not all(abs(r - 1) <= RATE_TOL or abs(r - decay) <= RATE_TOL * decay for r in ratios):
        return None
    return [t for t, r in enumerate(ratios) if abs(r - decay) <= RATE_TOL * decay]


def flat_steps(steps, final):
    """(deltas, grads, params): per step, P_{t+1} - P_t, g_t and P_t, each flattened over the params."""
    join = lambda ps: np.concatenate([np.ravel(ps[k]) for k in NAMES])  # noqa: E731
    deltas = [join(a) - join(s["params"]) for s, a in zip(steps, params_after(steps, final))]
    return deltas, [join(s["grads"]) for s in steps], [join(s["params"]) for s in steps]


def fitted_update(steps, final, right):
    """(cause, factor, on) when every step is the notebook's step plus a multiple of one more term:
    a velocity mu * (the previous step) (momentum), -lr_t c P_t (weight decay, on every param or on the
    weights alone), or lr_t (g_t - g_{t-1}) (1 x: the previous step's gradient); else None."""
    deltas, grads, params = flat_steps(steps, final)
    plain = [d + lr * g for d, g, lr in zip(deltas, grads, right)]  # what the notebook's step leaves
    zero = np.zeros_like(deltas[0])
    weights = np.concatenate([np.full(np.size(steps[0]["params"][k]), k.startswith("W")) for k in NAMES])
    terms = [("momentum_in_update", "", [zero] + deltas[:-1]),
             ("weight_decay_in_update", "every param", [-lr * p for lr, p in zip(right, params)]),
             ("weight_decay_in_update", "W1 and W2", [-lr * p * weights for lr, p in zip(right, params)]),
             ("update_previous_gradient", "", [zero] + [lr * (g - h) for lr, g, h in zip(right[1:], grads[1:], grads)])]
    for cause, on, term in terms:
        den = sum(float(x @ x) for x in term)
        if den == 0:
            continue
        a = sum(float(r @ x) for r, x in zip(plain, term)) / den
        if cause == "update_previous_gradient" and abs(a - 1) > RATE_TOL:
            continue
        if all(np.linalg.norm(r - a * x) <= RATE_TOL * max(np.linalg.norm(d), 1e-300)
               for r, x, d in zip(plain, term, deltas)):
            return cause, a, on
    return None


def assigned_step(steps, final, right):
    """Whether every step left params = -lr_t g_t: the step assigned instead of subtracted."""
    deltas, grads, params = flat_steps(steps, final)
    return all(np.linalg.norm(d + p + lr * g) <= RATE_TOL * max(np.linalg.norm(d + p), 1e-300)
               for d, g, p, lr in zip(deltas, grads, params, right))


def accumulated_step(steps, final, right):
    """Whether every step was -lr_t (g_0 + ... + g_t): gradients summed into a buffer never zeroed."""
    deltas, grads, _ = flat_steps(steps, final)
    total = np.cumsum(grads, axis=0)
    return len(steps) > 1 and all(np.linalg.norm(d + lr * g) <= RATE_TOL * max(np.linalg.norm(d), 1e-300)
                                  for d, g, lr in zip(deltas, total, right))


def value_clip(steps, final, right):
    """c when every step is -lr_t clip(g_t, -c, c) for one c, read off the largest entry of any step,
    and some gradient has an entry past c; else None."""
    deltas, grads, _ = flat_steps(steps, final)
    c = max(float(np.max(np.abs(d))) / lr for d, lr in zip(deltas, right))
    if not (c > 0 and any(np.max(np.abs(g)) > c * (1 + RATE_TOL) for g in grads)):
        return None
    if all(np.linalg.norm(d + lr * np.clip(g, -c, c)) <= RATE_TOL * max(np.linalg.norm(d), 1e-300)
           for d, g, lr in zip(deltas, grads, right)):
        return c
    return None


def update_text(fitted, reg):
    """What a fitted update adds to the notebook's step, in words."""
    cause, a, on = fitted
    if cause == "weight_decay_in_update":
        return f"{a:.4g} x -lr * params on {on}" + (f" ({a / reg:.4g} x reg)" if reg else "")
    return f"{a:.4g} x " + {"momentum_in_update": "the previous step",
                            "update_previous_gradient": "lr * (this gradient - the previous one)"}[cause]


def judge_rates(steps, final, prob, boundaries, eps, reg_decayed=False, inferred=None):
    """train_learning_rate: the rate of every step and parameter against the schedule, beyond the
    rounding of the params' dtype (``eps``, the run's); ``inferred``: ``infer_rates``'s, if made."""
    name, tol, kw = "train_learning_rate", RATE_EXACT, prob.kwargs
    right, wrong = schedules(kw["learning_rate"], kw["learning_rate_decay"], boundaries, len(steps))
    rates, residuals = inferred or infer_rates(steps, final)
    rounding = rate_rounding(steps, final, eps)
    err = np.maximum(np.abs(rates - right[:, None]) / right[:, None] - rounding, 0)
    measured = float(np.nanmax(np.where(residuals > RATE_TOL, np.inf, err)))
    if measured <= RATE_EXACT:
        return Check(name, True, measured, RATE_EXACT, WHAT, part="training_rate")
    if measured <= RATE_TOL:  # the schedule's values, rounded
        return rounded_rates(rates, rounding, right, kw, measured)
    stuck = [k for j, k in enumerate(NAMES) if np.allclose(rates[:, j], 0, atol=1e-12 * right[0])]
    if stuck:  # and what the others did, when it is not the schedule
        off = [k for j, k in enumerate(NAMES) if k not in stuck and np.isfinite(rates[:, j]).any()
               and not close(rates[:, j], right)]
        seen = f"{' and '.join(stuck)} never changed during training" + "".join(
            f"; {k} stepped at {np.nanmedian(rates[:, NAMES.index(k)] / right):.3g} x the schedule's rate" for k in off)
        times = len(stuck) + 1  # each update line that misses its own param steps the one moved instead
        if len(off) == 1 and close(rates[:, NAMES.index(off[0])], times * right):
            lines = f"{stuck[0]}'s update line" if len(stuck) == 1 else f"the update lines of {joined(stuck)}"
            return named(name, measured, tol, WHAT, "update_wrong_param", seen, f"{off[0]} stepped "
                         f"{'twice' if times == 2 else f'{times} times'} per iteration and {joined(stuck)} never "
                         f"({lines} updating {off[0]}?)")
        return named(name, measured, tol, WHAT, "param_not_updated", seen)
    bad = np.argwhere(residuals > RATE_TOL)
    if len(bad):
        t, j = bad[0]
        seen = (f"at step {t}, {NAMES[j]}'s update is not a multiple of its gradient (residual "
                f"{residuals[t, j]:.2g} of the update)")
        if assigned_step(steps, final, right):
            return named(name, measured, tol, WHAT, "update_assigned", f"{seen}; every step left params = -lr * grads")
        if accumulated_step(steps, final, right):
            return named(name, measured, tol, WHAT, "gradients_accumulated", f"{seen}; every step is -lr * (the sum "
                         "of every gradient so far)")
        fitted = fitted_update(steps, final, right)
        if fitted:
            return named(name, measured, tol, WHAT, fitted[0], f"{seen}; every step is the notebook's plus "
                         f"{update_text(fitted, kw['reg'])}")
        c = value_clip(steps, final, right)
        if c:
            return named(name, measured, tol, WHAT, "update_grad_value_clipped", f"{seen}; every step is "
                         f"-lr * np.clip(grads, -{c:.4g}, {c:.4g})", f"{c:.4g}")
        return Check(name, False, measured, tol, WHAT, f"{seen}; the update should be params -= learning_rate * "
                     "grads; not a known mistake", part="training_update")
    return (uneven_rates(steps, rates, right, measured, kw, boundaries) or global_clip(steps, rates, right, measured)
            or judge_schedule(rates, right, wrong, prob, boundaries, reg_decayed, measured))


def decayed_per_param(rates, lr0, decay, boundaries):
    """'W1, b1, W2, b2 in turn, each after its update' (the order, and when) when every rate is the
    schedule's with the decay applied once per param at an epoch's first iteration, after or before
    that param's update: the decay inside the loop over the params; else None."""
    for order in itertools.permutations(range(len(NAMES))):
        for before in (False, True):
            expected, lr = np.empty_like(rates), lr0
            for t in range(len(rates)):
                for j in order:
                    lr *= decay if before and t in boundaries else 1.0
                    expected[t, j] = lr
                    lr *= decay if not before and t in boundaries else 1.0
            if close(rates, expected):
                return f"{', '.join(NAMES[j] for j in order)} in turn, each {'before' if before else 'after'} its update"
    return None


def global_clip(steps, rates, right, measured):
    """``update_global_norm_clipped`` when every step has one rate for all params, the schedule's
    where the gradients' joint norm is at most c and lr * c / (that norm) where it is larger, for one
    c; else None."""
    ratio = np.nanmedian(rates / right[:, None], axis=1)
    joint = np.array([np.sqrt(sum(float(np.sum(np.square(s["grads"][k]))) for k in NAMES)) for s in steps])
    slow = np.isfinite(ratio) & (ratio < 1 - RATE_TOL)
    if not slow.any():
        return None
    c = float(np.median(ratio[slow] * joint[slow]))
    rest = np.isfinite(ratio) & ~slow
    if not (np.allclose(ratio[slow] * joint[slow], c, rtol=RATE_TOL) and np.all(joint[rest] <= c)
            and close(ratio[rest], 1.0)):
        return None
    return named("train_learning_rate", measured, RATE_EXACT, WHAT, "update_global_norm_clipped",
                 f"{int(slow.sum())} of {len(ratio)} steps at lr * {c:.4g} / (the joint norm of all the gradients), the "
                 "others at the schedule's rate", f"{c:.4g}")


def uneven_rates(steps, rates, right, measured, kw, boundaries):
    """The failed check when the params took steps of different rates at one step: a schedule gives
    every param the same rate, so the update treats them apart (or decays between them:
    ``lr_decayed_per_param``). ``update_grad_norm_clipped`` when each slower one is lr * c / ||g|| for
    one c and every other gradient's norm is at most c; ``update_grad_normalised`` when every one is
    lr / ||g||; ``lr_missing_for_params`` when some step at 1; ``lr_undecayed_for_params`` when some
    keep the first rate while the others decay; a step up the gradient (``update_ascends``); some
    params at one multiple of their own (``multiplied_group``); None when every step has one rate."""
    name = "train_learning_rate"
    ratio = rates / right[:, None]
    spread = [t for t, r in enumerate(ratio) if np.isfinite(r).any() and np.nanmax(r) - np.nanmin(r) > RATE_TOL]
    if not spread:
        return None
    t = spread[0]
    seen = (f"at step {t} the params' rates differ: " + ", ".join(f"{k} {rates[t, j]:.4g}" for j, k in enumerate(NAMES))
            + f" (the schedule's: {right[t]:.4g} for every one)")
    per_param = decayed_per_param(rates, kw["learning_rate"], kw["learning_rate_decay"], boundaries)
    if per_param:
        return named(name, measured, RATE_EXACT, WHAT, "lr_decayed_per_param", f"{seen}: each param's rate is one "
                     f"decay below the one updated before it ({per_param})", per_param)
    norms = np.array([[np.linalg.norm(s["grads"][k]) for k in NAMES] for s in steps])
    slow = np.isfinite(ratio) & (ratio < 1 - RATE_TOL)
    c = np.median(ratio[slow] * norms[slow]) if slow.any() else np.nan
    if (np.allclose(ratio[slow] * norms[slow], c, rtol=RATE_TOL) and np.all(norms[~slow & np.isfinite(ratio)] <= c)
            and close(ratio[np.isfinite(ratio) & ~slow], 1.0)):
        return named(name, measured, RATE_EXACT, WHAT, "update_grad_norm_clipped",
                     f"{seen}: each slower step is lr * {c:.4g} / ||gradient||", f"{c:.4g}")
    if close(ratio[np.isfinite(ratio)] * norms[np.isfinite(ratio)], 1.0):
        return named(name, measured, RATE_EXACT, WHAT, "update_grad_normalised", f"{seen}: every step is lr * "
                     "gradient / ||gradient||, each param's on its own")
    bare = [k for j, k in enumerate(NAMES) if np.isfinite(rates[:, j]).any() and close(
        rates[np.isfinite(rates[:, j]), j], 1.0)]
    if bare and abs(right[0] - 1) > RATE_TOL and all(close(ratio[np.isfinite(ratio[:, j]), j], 1.0)
                                                     for j, k in enumerate(NAMES) if k not in bare):
        return named(name, measured, RATE_EXACT, WHAT, "lr_missing_for_params", f"{seen}: {joined(bare)} stepped "
                     "with rate 1 at every step, the others with the schedule's", joined(bare))
    # a param stepped at one rate of its own at every step, the others at the schedule's: which params
    # get which rate, the rate's mistake; named when that rate is the first one, kept undecayed
    fixed = [k for j, k in enumerate(NAMES) if np.isfinite(rates[:, j]).any() and not close(ratio[np.isfinite(
        ratio[:, j]), j], 1.0) and close(rates[np.isfinite(rates[:, j]), j], np.nanmedian(rates[:, j]))]
    if fixed and len(set(right)) > 1 and all(close(ratio[np.isfinite(ratio[:, j]), j], 1.0)
                                             for j, k in enumerate(NAMES) if k not in fixed):
        if all(close(rates[np.isfinite(rates[:, NAMES.index(k)]), NAMES.index(k)], right[0]) for k in fixed):
            return named(name, measured, RATE_EXACT, WHAT, "lr_undecayed_for_params", f"{seen}: {joined(fixed)} "
                         f"stepped at the learning_rate given, {right[0]:.4g}, at every step, the others at the "
                         "schedule's", joined(fixed))
        return Check(name, False, measured, RATE_EXACT, WHAT, f"{seen}: {joined(fixed)} stepped at " + ", ".join(
            f"{np.nanmedian(rates[:, NAMES.index(k)]):.4g}" for k in fixed) + " at every step, a rate that never "
            "changed, the others with the schedule's; not a known mistake", part="training_rate")
    ascends = [k for j, k in enumerate(NAMES) if np.any(ratio[:, j] < 0)]
    if ascends and all(close(ratio[np.isfinite(ratio[:, j]), j], -1.0 if k in ascends else 1.0)
                       for j, k in enumerate(NAMES)):
        return named(name, measured, RATE_EXACT, WHAT, "update_ascends", f"{seen}: {joined(ascends)} moved up the "
                     "gradient at the schedule's rate, the others down it")
    if ascends:  # a step up the gradient is the update's, whatever the rate
        return Check(name, False, measured, RATE_EXACT, WHAT, f"{seen}: {joined(ascends)} moved up the gradient "
                     "(a negative rate); not a known mistake", part="training_update")
    group = multiplied_group(ratio)
    if group:
        params, k = group
        if len(params) == 1 and round(k) in (2, 3) and abs(k - round(k)) <= RATE_TOL * k:
            return named(name, measured, RATE_EXACT, WHAT, "update_repeated_for_param", f"{seen}: {params[0]} "
                         f"stepped at {round(k)} x the schedule's rate, the others at 1 x", params[0])
        return named(name, measured, RATE_EXACT, WHAT, "lr_multiplier_per_param", f"{seen}: {joined(params)} at "
                     f"{k:.4g} x the schedule's rate at every step, the others at 1 x",
                     f"{joined(params)} at {k:.4g} x")
    if scaled_per_param(rates, right):  # each param its own constant multiple: the rate some params get
        return Check(name, False, measured, RATE_EXACT, WHAT, f"{seen}: " + ", ".join(
            f"{k} {np.nanmedian(ratio[:, j]):.4g} x" for j, k in enumerate(NAMES)) + " the schedule's at every step; "
            "not a known mistake", part="training_rate")
    changes = np.flatnonzero(np.diff(right) != 0) + 1  # where the schedule's rate changes
    kept = [r for r in np.split(ratio * right[:, None], changes) if len(r)]
    if all(close(block[np.isfinite(block[:, j]), j], np.nanmedian(block[:, j])) for block in kept
           for j in range(len(NAMES)) if np.isfinite(block[:, j]).any()):  # each param has a schedule of its own
        return Check(name, False, measured, RATE_EXACT, WHAT, f"{seen}; each param's rate changes only where the "
                     "schedule's does, by a factor of its own; not a known mistake", part="training_decay")
    return Check(name, False, measured, RATE_EXACT, WHAT, f"{seen}; not a known mistake", part="training_update")


def multiplied_group(ratio):
    """(params, k) when some params step at one constant multiple k > 0 (not 1) of the schedule's rate
    at every step and the others at the schedule's own: a learning-rate multiplier (or a param group)
    of theirs, or one param's update line repeated; else None."""
    finite = [np.isfinite(ratio[:, j]) for j in range(len(NAMES))]
    off = [j for j in range(len(NAMES)) if finite[j].any() and not close(ratio[finite[j], j], 1.0)]
    if not off or len(off) == len(NAMES) or any(not finite[j].any() for j in range(len(NAMES))):
        return None
    k = np.nanmedian(ratio[:, off])
    if k <= 0 or not all(close(ratio[finite[j], j], k) for j in off):
        return None
    return [NAMES[j] for j in off], float(k)


def rounded_rates(rates, rounding, right, kw, measured):
    """The failed check of rates within RATE_TOL of the schedule but not within RATE_EXACT:
    lr_float32 when each one is the schedule computed in float32 arithmetic."""
    name, used = "train_learning_rate", np.nanmedian(rates, axis=1)
    seen = (f"the learning rates used differ from the schedule's by up to {measured:.2g} relative "
            f"(step 0: {float(used[0])!r}, expected {float(right[0])!r})")
    lr, decay, in_float32 = np.float32(kw["learning_rate"]), np.float32(kw["learning_rate_decay"]), []
    for t in range(len(right)):
        lr = lr * decay if t and right[t] != right[t - 1] else lr  # float32 times float32 stays float32
        in_float32.append(float(lr))
    off = np.abs(rates - np.array(in_float32)[:, None]) / right[:, None] - rounding
    if np.all(np.isnan(rates) | (off <= RATE_EXACT)):
        return named(name, measured, RATE_EXACT, WHAT, "lr_float32", f"{seen}, each the schedule computed in float32")
    return Check(name, False, measured, RATE_EXACT, WHAT, f"{seen}; not a known mistake", part="training_rate")


def judge_schedule(rates, right, wrong, prob, boundaries, reg_decayed, measured):
    """The failed check of rates that are multiples of the gradient, but not the schedule's."""
    name, tol, kw = "train_learning_rate", RATE_EXACT, prob.kwargs
    used = np.nanmedian(rates, axis=1)
    seen = f"the learning rates used were {values_text(used)} ({rate_changes(used)}), expected {values_text(right)}"
    if reg_decayed and close(rates, wrong["lr_never_decayed"][:, None]):
        return named(name, measured, tol, WHAT, "decay_applied_to_reg", seen + ", and reg was decayed instead")
    for key, values in wrong.items():  # "cause" or "cause:its title's detail"
        if close(rates, values[:, None]):
            mid, _, fill = key.partition(":")
            return named(name, measured, tol, WHAT, mid, seen, fill)
    c = float(np.median(used / right))
    if abs(c - 1) > RATE_TOL and close(rates, c * right[:, None]):
        k = np.log(c) / np.log(kw["learning_rate_decay"]) if c > 0 else 0.0
        if round(k) >= 1 and abs(k - round(k)) < 1e-6:  # decayed k times more, before the first step
            return named(name, measured, tol, WHAT, "lr_decayed_before_loop", f"{seen}: learning_rate_decay ** "
                         f"{round(k)} = {c:.4g} x the schedule at every step", "once" if round(k) == 1 else
                         f"{round(k)} times")
        if c < 0:  # -1 is update_ascends, above
            return Check(name, False, measured, tol, WHAT, f"{seen}: {c:.4g} x the schedule at every step, up the "
                         "gradient; not a known mistake", part="training_update")
        if abs(c - kw["learning_rate"]) <= RATE_TOL * kw["learning_rate"]:  # the given rate again, not decayed
            return named(name, measured, tol, WHAT, "lr_applied_twice", f"{seen}: learning_rate x the schedule at "
                         "every step", "learning_rate * (the decayed rate)")
        mid, fill = (("lr_divided_by_batch_size", "") if abs(c * kw["batch_size"] - 1) <= RATE_TOL
                     else scaled_cause(c))
        return named(name, measured, tol, WHAT, mid, f"{seen}: {c:.4g} x the schedule at every step", fill)
    constant = float(np.nanmedian(used))
    if constant > 0 and close(rates, constant):  # one rate throughout, not the given one: not what train decays
        return named(name, measured, tol, WHAT, "lr_constant", f"{seen}: {constant:.4g} at every step",
                     f"{constant:.4g}" + (", reg's value too (reg passed as the rate?)" if close(
                         constant, kw["reg"]) else ""))
    lr0, decay, T = kw["learning_rate"], kw["learning_rate_decay"], len(used)
    warm = warmup_length(rates, right)
    if warm:
        return named(name, measured, tol, WHAT, "lr_warmup", f"{seen}: the schedule times min(1, (it + 1) / {warm})",
                     str(warm))
    factor = decay_factor(rates, lr0, decay, boundaries)
    if factor:
        return named(name, measured, tol, WHAT, "lr_decay_factor_wrong", f"{seen}: x{factor[0]:.4g}", factor[1])
    for its in epoch_sets(T):
        for before in (False, True):
            if close(rates, schedule(lr0, decay, lambda it: it in its, T, before)[:, None]):
                seen_its = [t for t in its if before or t < T - 1]  # a decay after the last step does not show
                return named(name, measured, tol, WHAT, "lr_decayed_at_wrong_iterations", f"{seen}: decayed "
                             f"{'before' if before else 'after'} the update at {iterations_text(seen_its)}, "
                             f"instead of after it at {iterations_text([t for t in boundaries if t < T - 1])}")
    return Check(name, False, measured, tol, WHAT, f"{seen}; not a known mistake",
                 part=schedule_part(rates, right))


def scaled_cause(c):
    """The cause of every step being c > 0 times the schedule's, and its title's detail: a whole
    multiple k of 2 or 3 is read as the update applied k times with one gradient (``update_repeated``,
    whose title says both: every held-out author who wrote one, all with k = 2, put it in the update),
    any other factor as ``lr_scaled``."""
    k = round(c)
    return ("update_repeated", str(k)) if 2 <= k <= 3 and abs(c - k) <= RATE_TOL * k else ("lr_scaled", "")


def decay_factor(rates, lr0, decay, boundaries):
    """(f, f in words) when every rate is the schedule with a factor f in place of the decay, after the
    update at the epochs' first iterations or at every iteration, f other than 1 and (at the epochs)
    the decay itself; else None."""
    used, T = np.nanmedian(rates, axis=1), len(rates)
    per_epoch = boundaries[1] - boundaries[0] if len(boundaries) > 1 else T
    for its in (list(boundaries), list(range(T))):
        b = its[0]
        f = used[b + 1] / used[b] if b + 1 < T else np.nan
        if not (np.isfinite(f) and 0 < f and abs(f - 1) > RATE_TOL and abs(f - decay) > RATE_TOL * decay):
            continue
        if close(rates, schedule(lr0, f, lambda it: it in its, T)[:, None]):
            k = np.log(f) / np.log(decay)
            power = f"{round(k)}" if abs(k - round(k)) < 1e-6 else f"{k:.3g}"
            if its == list(boundaries):
                return f, f"learning_rate_decay ** {power} = {f:.4g} at each epoch"
            if abs(k * per_epoch - 1) < 1e-6:
                power = "(1 / iterations_per_epoch)"
            return f, (f"learning_rate_decay ** {power} = {f:.4g} after every iteration" + (
                " (the epoch counted as it / iterations_per_epoch, a fraction)" if power.startswith("(") else ""))
    return None


def warmup_length(rates, right):
    """K when every rate is the schedule's times min(1, (it + 1) / K), K >= 2 (a linear warm-up
    over the first K iterations); else None."""
    ratio = np.nanmedian(rates, axis=1) / right
    if not (np.isfinite(ratio[0]) and 0 < ratio[0] < 1):
        return None
    K = round(1 / ratio[0])
    ramp = np.minimum(1.0, (np.arange(len(right)) + 1) / K)
    return K if K >= 2 and close(rates, (right * ramp)[:, None]) else None


def schedule_part(rates, right):
    """Where a wrong schedule's mistake lives: the update when some step moved no param; the rate when
    each param's rates are one constant multiple of the schedule's at every step (its scale is wrong),
    or the first step's rate is not learning_rate (wrong before any decay); else the decay (how the
    rate changes from step to step is wrong, whatever code computes it)."""
    moved = np.nan_to_num(np.abs(rates), nan=np.inf).max(axis=1)
    if np.any(moved <= RATE_TOL * abs(right[0])):
        return "training_update"
    first = np.nanmedian(rates[0]) if np.isfinite(rates[0]).any() else right[0]
    if scaled_per_param(rates, right) or not close(first, right[0]):  # wrong before any decay: the rate's
        return "training_rate"
    return "training_decay"


def scaled_per_param(rates, right):
    """Whether each param's rates are one constant multiple of the schedule's, at every step."""
    ratios = rates / right[:, None]
    return all(close(col[np.isfinite(col)], np.nanmedian(col)) for col in ratios.T if np.isfinite(col).any())
