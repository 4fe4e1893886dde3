"""Record a training run step by step (child side, NumPy only).

The instance's ``loss`` is wrapped so that every call with labels (one per SGD step in the
notebook's loop) records the minibatch, the reg, the params before the step, and the loss
and gradients returned. The params after the run close the last step. A ``train`` whose code
never calls ``self.loss(`` (it steps through a function of its own, ``loss_and_grads(params, xb,
yb, reg)`` say) is traced instead: each call of a function of the checked file with a minibatch
of X's rows and its labels, returning (loss, grads), is such a step.
"""

import functools
import inspect
import sys

import numpy as np

from reference.checker import problems


def wrap_loss(net, calls):
    """Replace ``net.loss`` by a recording wrapper; ``calls`` collects one dict per call with y.
    Returns the loss it wraps, to put back after the run."""
    inner = net.loss
    signature = inspect.signature(inner)

    def loss(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        X, y, reg = (bound.arguments.get(k) for k in ("X", "y", "reg"))
        if y is None:
            return inner(*args, **kwargs)
        # copied before the call: what loss does to its inputs is loss's doing, not train's
        before = {k: np.array(v, dtype=np.float64) for k, v in net.params.items()}
        X_in, y_in = np.array(X, dtype=np.float64), np.array(y)
        out = inner(*args, **kwargs)
        value, grads = out
        calls.append({"X": X_in, "y": y_in, "reg": float(reg), "params": before, "loss": float(value),
                      "grads": {k: np.array(grads[k], dtype=np.float64) for k in problems.PARAM_NAMES},
                      "eps": rounding(grads[k] for k in problems.PARAM_NAMES)})
        return out
    net.loss = loss
    return inner


def rounding(arrays):
    """The largest machine epsilon among the float arrays (float64's if none is float)."""
    kinds = [np.asarray(a).dtype for a in arrays]
    return max((float(np.finfo(d).eps) for d in kinds if d.kind == "f"), default=float(np.finfo(np.float64).eps))


def record_training(rec, cls, prefix="trace", prob=None, net=None):
    """Train on ``prob`` (by default ``problems.train_problem()``) with the loss wrapped; record the
    calls and histories under ``prefix``. ``net``: an instance that trained before (a second train
    call), else a new one. Returns the instance, its loss unwrapped."""
    prob = prob or problems.train_problem()
    net = net if net is not None else cls(5, 6, 3, std=0.5)
    set_params(net, prob.params)
    calls, traced = [], []
    inner = wrap_loss(net, calls)
    np.random.seed(prob.seed)
    inputs = {"X": prob.X, "y": prob.y, "X_val": prob.X_val, "y_val": prob.y_val}
    given = {k: rec.fresh(a) for k, a in inputs.items()}
    tracer = None if calls_loss(cls) else step_tracer(rec.source, prob, traced)
    previous = sys.gettrace()
    try:
        sys.settrace(tracer or previous)
        stats = net.train(*given.values(), **prob.kwargs)
    finally:  # the steps seen so far are evidence even if train then fails
        sys.settrace(previous)
        net.loss = inner
        calls = calls or traced
        record_calls(rec, calls, net, prefix)
        changed = [k for k, a in inputs.items() if not np.array_equal(given[k], a)]
        rec.meta[f"{prefix}/inputs_changed"] = changed
        rec.meta[f"{prefix}/inputs_shuffled"] = bool(changed) and all(same_rows(given[k], inputs[k]) for k in changed)
    rec.meta[f"{prefix}/missing"] = [k for k in HISTORY_KEYS if k not in stats]
    for key in HISTORY_KEYS:
        if key in stats:
            rec.put(f"{prefix}/{key}", np.asarray(stats[key], dtype=np.float64).ravel())
    return net


def set_params(net, params):
    """Give the net ``params``: written into its own arrays when each is a writable float64 array
    of the param's shape, apart from the others (a net whose params are views of one flat buffer,
    or arrays its layers hold, trains those); else a dict of copies in place of its own."""
    own = getattr(net, "params", None)
    if isinstance(own, dict) and all(own.get(k) is v for k, v in params.items()):
        return  # the net's own arrays already
    fit = isinstance(own, dict) and all(
        isinstance(own.get(k), np.ndarray) and own[k].dtype == np.float64 and own[k].shape == np.shape(v)
        and own[k].flags.writeable for k, v in params.items())
    if fit and not any(np.shares_memory(own[a], own[b]) for a in params for b in params if a < b):
        for k, v in params.items():
            own[k][...] = v
        if holds(net, params):  # a property may hand out copies: then written nowhere
            return
    net.params = {k: np.array(v, copy=True) for k, v in params.items()}


def holds(net, params):
    """Whether what ``net.params`` hands out now holds ``params``' values."""
    own = getattr(net, "params", None)
    return isinstance(own, dict) and all(np.array_equal(own.get(k), v) for k, v in params.items())


@functools.lru_cache(maxsize=64)  # asked for at every run of one class: its source is read once
def calls_loss(cls):
    """Whether train's code calls ``self.loss(`` (True when it cannot be read)."""
    try:
        return "self.loss(" in inspect.getsource(cls.train)
    except (OSError, TypeError, AttributeError):
        return True


def step_tracer(source, prob, traced):
    """A ``sys.settrace`` function that appends to ``traced`` one step dict (as ``wrap_loss``'s)
    per call of a function defined in ``source`` (train aside)
    whose arguments hold a minibatch of ``prob.X``'s rows and its labels, and which returns (loss,
    grads); the outermost such call only (a step function that calls loss is one step)."""
    rows = {r.tobytes() for r in np.asarray(prob.X, dtype=np.float64)}
    open_steps = []

    def trace(frame, event, arg):
        if event != "call" or open_steps or frame.f_code.co_filename != source or frame.f_code.co_name == "train":
            return None
        step = step_arguments(frame.f_locals, rows, prob.X.shape[1], prob.kwargs["reg"])
        if step is None:
            return None
        frame.f_trace_lines = False
        open_steps.append(frame)

        def on_return(frame, event, out):
            if event != "return":
                return on_return
            open_steps.remove(frame)
            grads = out[1] if isinstance(out, tuple) and len(out) == 2 else None
            if isinstance(grads, dict) and all(k in grads for k in problems.PARAM_NAMES):
                traced.append(dict(step, loss=float(out[0]),
                                   grads={k: np.array(grads[k], dtype=np.float64) for k in problems.PARAM_NAMES},
                                   eps=rounding(grads[k] for k in problems.PARAM_NAMES)))
            return None
        return on_return
    return trace


def step_arguments(args, rows, columns, default_reg):
    """The minibatch, labels, params and reg among a call's arguments, copied (as ``wrap_loss``
    records them), or None: a 2-D array of X's rows, integer labels as many, a dict of the params
    (or an argument's ``.params``: the net's), and the argument named reg (the run's reg if none is)."""
    arrays = [v for v in args.values() if isinstance(v, np.ndarray)]
    X = next((a for a in arrays if a.ndim == 2 and a.shape[1] == columns and a.dtype.kind == "f"
              and all(np.asarray(r, np.float64).tobytes() in rows for r in a)), None)
    y = next((a for a in arrays if X is not None and a.ndim == 1 and a.dtype.kind in "iu" and len(a) == len(X)), None)
    owners = [getattr(v, "params", None) for v in args.values() if not isinstance(v, (np.ndarray, dict))]
    params = next((v for v in [*args.values(), *owners] if isinstance(v, dict)
                   and all(k in v for k in problems.PARAM_NAMES)), None)
    if y is None or params is None or not all(k in params for k in problems.PARAM_NAMES):
        return None
    reg = args.get("reg", default_reg)
    return {"X": np.array(X, dtype=np.float64), "y": np.array(y), "reg": float(reg),
            "params": {k: np.array(params[k], dtype=np.float64) for k in problems.PARAM_NAMES}}


def same_rows(a, b):
    """Whether ``a`` holds ``b``'s rows (or entries) in some order."""
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    return sorted(r.tobytes() for r in a.reshape(len(a), -1)) == sorted(r.tobytes() for r in b.reshape(len(b), -1))


def keyword_defaults(cls, method):
    """{name: default} of the method's numeric (float) and boolean keyword defaults (train's
    learning_rate, loss's reg, train's verbose, ...); {} when its signature cannot be read."""
    try:
        params = inspect.signature(getattr(cls, method)).parameters.values()
    except (TypeError, ValueError, AttributeError):
        return {}
    return {p.name: p.default if isinstance(p.default, bool) else float(p.default) for p in params
            if isinstance(p.default, (int, float))}


def parameter_names(cls, method="train"):
    """The method's parameter names in order (self left out); [] when its signature cannot be read."""
    try:
        return [p.name for p in inspect.signature(getattr(cls, method)).parameters.values()][1:]
    except (TypeError, ValueError, AttributeError):
        return []


HISTORY_KEYS = ("loss_history", "train_acc_history", "val_acc_history")


def record_calls(rec, calls, net, prefix="trace"):
    """Every recorded call's minibatch, reg, params, loss and grads, and the params after the run."""
    rec.meta[f"{prefix}/calls"] = len(calls)
    rec.meta[f"{prefix}/regs"] = [c["reg"] for c in calls]
    for i, c in enumerate(calls):
        rec.put(f"{prefix}/{i}/X", c["X"])
        rec.put(f"{prefix}/{i}/y", c["y"])
        rec.put(f"{prefix}/{i}/loss", c["loss"])
        for k in problems.PARAM_NAMES:
            rec.put(f"{prefix}/{i}/params/{k}", c["params"][k])
            rec.put(f"{prefix}/{i}/grads/{k}", c["grads"][k])
    for k in problems.PARAM_NAMES:
        rec.put(f"{prefix}/final/{k}", np.array(net.params[k], dtype=np.float64))
    # the coarsest rounding of the params and the gradients as they were (a float32 one rounds each step)
    rec.meta[f"{prefix}/eps"] = max([rounding(net.params.values())] + [c["eps"] for c in calls])
