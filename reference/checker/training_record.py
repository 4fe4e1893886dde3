"""The record of a training run, as the training checks read it, and the words of their results
(NumPy). The child wrapped ``loss`` and recorded, at every SGD step t, the minibatch (X_t, y_t)
and the reg it was called with, the params P_t before the step, the loss and the gradients g_t
returned; P_T is the params after the run (``recording.py``).
"""

import contextlib

import numpy as np

from reference import TwoLayerNet
from reference.checker import mistakes, problems
from reference.checker.report import Check

NAMES = problems.PARAM_NAMES

RATE_TOL = 1e-6  # relative: two inferred learning rates are the same value (a schedule's)
RATE_EXACT = 1e-10  # relative: a float64 step's rate is the schedule's to ~1e-15; a float32 rate is off by ~1e-8
HISTORY_TOL = 1e-12


class RunView:
    """One recorded training run of an observation, read as the main run is: its keys and errors under
    ``prefix`` appear under "trace"."""

    def __init__(self, obs, prefix):
        self.obs, self.prefix = obs, prefix
        self.meta = {"trace" + k[len(prefix):]: v for k, v in obs.meta.items() if k.startswith(prefix + "/")}
        self.errors = {"trace": obs.errors[prefix]} if prefix in obs.errors else {}

    def _key(self, key):
        return self.prefix + key[len("trace"):] if key.startswith("trace/") else key

    def get(self, key):
        """The array under ``key`` of this run ("trace/..."), or the observation's."""
        return self.obs.get(self._key(key))

    def params(self, prefix):
        """The params under ``prefix`` of this run ("trace/..."), or the observation's."""
        return self.obs.params(self._key(prefix))


@contextlib.contextmanager
def rng_kept():
    """NumPy's global generator left as it was by the block (the oracle's runs seed it)."""
    state = np.random.get_state()
    try:
        yield
    finally:
        np.random.set_state(state)


def run_view(obs, prefix):
    """The observation itself for the main run ("trace"), else a RunView of the run under ``prefix``."""
    return obs if prefix == "trace" else RunView(obs, prefix)


def recorded_steps(obs, calls):
    """[{"X", "y", "reg", "loss", "params", "grads"}] of every recorded call with labels, in time order
    (read once per run of an observation; each call gets its own list)."""
    base, prefix = (obs.obs, obs.prefix) if isinstance(obs, RunView) else (obs, "trace")
    read = vars(base).setdefault("_recorded_steps", {})
    if (prefix, calls) not in read:
        regs = obs.meta.get("trace/regs", [])
        read[prefix, calls] = [{"X": obs.get(f"trace/{i}/X"), "y": obs.get(f"trace/{i}/y"),
                                "reg": regs[i] if i < len(regs) else None, "loss": float(obs.get(f"trace/{i}/loss")),
                                "params": obs.params(f"trace/{i}/params"), "grads": obs.params(f"trace/{i}/grads")}
                               for i in range(calls)]
    return list(read[prefix, calls])


def evaluations_apart(steps, batch_size, num_iters, whole, final):
    """(steps, evaluations): when exactly num_iters calls are on a minibatch and every other call is
    on a whole data set (``whole``: their sizes), train evaluated its loss beside its steps; when
    every iteration called loss twice on its minibatch, the step is the call its update follows and
    the other an evaluation (marked ``again`` when it came after the update); else (steps, [])."""
    batches = [s for s in steps if len(s["X"]) == batch_size]
    rest = [s for s in steps if len(s["X"]) != batch_size]
    if rest and len(batches) == num_iters and all(len(s["X"]) in whole for s in rest):
        return batches, rest
    if len(steps) != 2 * num_iters or not all(same_batch(a, b) for a, b in zip(steps[0::2], steps[1::2])):
        return steps, []
    firsts, seconds = steps[0::2], steps[1::2]
    nexts = [s["params"] for s in firsts[1:]] + [final]
    if all(same_params(a["params"], b["params"]) for a, b in zip(firsts, seconds)):
        # both at the same params: the step is the call whose gradients the update follows (the
        # second, unless the first's follow it better: an evaluation after the step's call)
        if off_updates(firsts, nexts) < off_updates(seconds, nexts):
            return firsts, seconds
        return seconds, firsts
    if all(same_params(b["params"], n) for b, n in zip(seconds, nexts)):
        return firsts, [dict(s, again=True) for s in seconds]  # evaluated again after the update
    return steps, []


def off_updates(steps, afters):
    """How far the updates from the steps' params to ``afters`` are from multiples of their gradients,
    summed over steps and params (``update_fit``'s residuals)."""
    return sum(float(update_fit(step, after)[1].sum()) for step, after in zip(steps, afters))


def update_fit(step, after):
    """(rates (4,), residuals (4,)): per parameter, the lr that best explains the update from the
    step's params to ``after`` as -lr * grad, and how far the update is from that (relative to its
    size); NaN rate (residual 0) where the gradient is missing, of another shape, 0, or too small for
    its step to show in the params' rounding."""
    rates, residuals = np.full(len(NAMES), np.nan), np.zeros(len(NAMES))
    for j, k in enumerate(NAMES):
        p, g = step["params"].get(k), step["grads"].get(k)
        if p is None or g is None or k not in after:
            continue
        delta, g, p = (after[k] - p).ravel(), np.ravel(g), p.ravel()
        if delta.shape != g.shape:  # a gradient of another shape (grads_format's finding) gives no rate
            continue
        gg = float(g @ g)
        if gg > 1e-20 * float(p @ p):  # a smaller step (below 1e-10 ||P||) is lost in the rounding of P
            rates[j] = -float(delta @ g) / gg
            rest = delta + rates[j] * g
            residuals[j] = np.sqrt(rest @ rest) / max(np.sqrt(delta @ delta), 1e-300)
    return rates, residuals


def same_batch(a, b):
    return np.array_equal(a["X"], b["X"]) and np.array_equal(a["y"], b["y"])


def same_params(a, b):
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def params_after(steps, final):
    """The params after every step: P_{t+1}, the last being the run's final params."""
    return [steps[t + 1]["params"] if t + 1 < len(steps) else final for t in range(len(steps))]


def accuracy(params, X, y):
    """The fraction of y that the NumPy oracle at ``params`` predicts."""
    return float(np.mean(TwoLayerNet.from_params(params).predict(X) == y))


def cause_text(mid, detail, fill=""):
    """A check's detail when the known mistake ``mid`` explains what it saw (``detail``); ``fill``
    completes its title's {detail}."""
    m = mistakes.BY_ID[mid]
    return f"{detail}: this matches {m.title.format(detail=fill)}. Fix: {m.fix}. [cause: {mid}]"


def joined(items):
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def named(name, measured, tol, what, mid, detail, fill=""):
    """A failed check whose cause is the known mistake ``mid`` (``fill``: its title's {detail})."""
    return Check(name, False, measured, tol, what, cause_text(mid, detail, fill), [mid],
                 part=mistakes.BY_ID[mid].part)


def seen_detail(check):
    """What a check saw, without the cause ``cause_text`` added to it or the words that none is known
    (the whole detail if neither)."""
    return check.diagnosis.split(": this matches", 1)[0].removesuffix("; not a known mistake")


def named_title(check):
    """The title of the cause a check's detail names, as ``cause_text`` filled it in."""
    return check.diagnosis.split(": this matches ", 1)[-1].rsplit(". Fix: ", 1)[0]


def close(a, b):
    """a == b to RATE_TOL relative, b broadcast to a's shape; NaN in a (no gradient) counts as equal."""
    a = np.asarray(a, dtype=np.float64)
    b = np.broadcast_to(np.asarray(b, dtype=np.float64), a.shape)
    return bool(np.all(np.isnan(a) | (np.abs(a - b) <= RATE_TOL * np.abs(b))))


def values_text(r):
    """Values in time order, runs of equal values shortened: [0.3 x1, 0.15 x5]."""
    runs = []
    for x in np.ravel(r):
        if runs and (runs[-1][0] == x or (np.isfinite(x) and abs(runs[-1][0] - x) <= 1e-12 * abs(x))):
            runs[-1][1] += 1
        else:
            runs.append([x, 1])
    return "[" + ", ".join(f"{x:.4g}" + (f" x{n}" if n > 1 else "") for x, n in runs) + "]"


def iterations_text(its):
    """'iterations 0, 5 and 10', 'iteration 0', or 'no iteration'."""
    its = [str(int(t)) for t in its]
    if len(its) < 2:
        return f"iteration {its[0]}" if its else "no iteration"
    return "iterations " + ", ".join(its[:-1]) + " and " + its[-1]


def epoch_sets(num_iters):
    """Every set of iterations an epoch test (it + r) % L == 0 picks among 0..num_iters-1, or the
    same test with "and it > 0", each once."""
    sets = {tuple(t for t in range(start, num_iters) if (t + r) % length == 0)
            for length in range(1, num_iters + 1) for r in range(length) for start in (0, 1)}
    return sorted(sets, key=lambda s: (len(s), s))
