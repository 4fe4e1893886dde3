"""The notebook's toy training run by the NumPy oracle (section 5: 100 iterations on the toy problem
from seed 0, train's defaults for what the notebook does not pass), and the same run with one thing
changed, each a place a history that differs from the oracle's can come from.
"""

import functools

import numpy as np

from reference import TwoLayerNet, notebook
from reference.checker import problems
from reference.checker.training_record import rng_kept

TOL = 1e-6  # relative, per entry: another order of the same sums moves a loss by ~1e-15 over 100 steps


@functools.lru_cache(maxsize=None)
def oracle_history(stop=None, **changed):
    """The oracle's toy loss history, with ``changed`` train keywords (and, with ``stop``, the run
    stopped after that many iterations); NumPy's global generator is left as it was."""
    with rng_kept():
        X, y = problems.toy_data()
        np.random.seed(0)
        net = TwoLayerNet(problems.D, problems.H, problems.C, std=1e-1)
        history = net.train(X, y, X, y, **{**notebook.TOY_TRAIN, **changed}, verbose=False)["loss_history"]
    return tuple(history[:stop])


def same(history, values):
    values = np.asarray(values, dtype=np.float64)
    return history.shape == values.shape and bool(np.allclose(history, values, rtol=TOL, atol=0))


def differs(history):
    """What differs between ``history`` and the oracle's, in words; None when nothing does."""
    want = np.asarray(oracle_history())
    if same(history, want):
        return None
    if history.shape != want.shape:
        return f"the toy run's loss_history holds {history.size} entries for {want.size} iterations"
    t = int(np.argmax(~np.isclose(history, want, rtol=TOL, atol=0)))
    return (f"the toy run's loss differs from the oracle's run (the same seed, train's defaults) from iteration {t} "
            f"on: {history[t]:.10g}, expected {want[t]:.10g}")


# (the oracle's run with one thing changed, where that thing is, in words, the part)
VARIANTS = (({"reg": 0.0}, "the run's reg (5e-6) not applied: a small reg skipped?", "regulariser"),
            ({"learning_rate_decay": 1.0}, "the rate never decayed with train's default learning_rate_decay (0.95)",
             "training_decay"))


def located(history):
    """(part, words) for a toy history that differs: the oracle's run stopped early, or with one of
    VARIANTS, when that gives the history; else train's loop, said as no more than that."""
    if 0 < history.size < len(oracle_history()) and same(history, oracle_history(stop=history.size)):
        return "training_update", (f": it is the oracle's first {history.size} losses of {len(oracle_history())} "
                                   "(train stopped early, or recorded only those?)")
    for changed, words, part in VARIANTS:
        if same(history, oracle_history(**changed)):
            return part, f": it is the oracle's run with {words}"
    return "training_update", ""
