"""The observing child: import a student's file and record what it does, with NumPy only.

Run as ``python -m reference.checker.observe (--path FILE_OR_FOLDER | --function SPEC) --out DIR``.
It writes ``DIR/obs.json`` (metadata, errors, and where each array lies in ``DIR/obs.bin``, the arrays'
bytes one after another: no pickles, and one read however many arrays a training run records). It
judges nothing and never imports JAX, so it starts fast; the parent judges.
Exit status: 0 observed (errors inside probes are recorded), 3 the file could not be loaded.
"""

import argparse
import contextlib
import dataclasses
import importlib
import importlib.util
import io
import itertools
import json
import sys
import traceback
import types
from pathlib import Path

import numpy as np

from reference.checker import problems, recording
from reference.gradient_check import eval_numerical_gradient


class Recorder:
    """Arrays under slash-separated keys, plus JSON metadata and per-probe errors."""

    def __init__(self, source):
        self.arrays, self.meta, self.errors, self.source = {}, {}, {}, source
        self.given = []

    def fresh(self, array):
        """A copy of ``array`` for the student's code, kept alive until the observation ends: no two
        inputs share an ``id``, so labels cached by ``id(X)`` are never another array's."""
        self.given.append(np.array(array, copy=True))
        return self.given[-1]

    def put(self, key, value):
        self.arrays[key] = np.array(value)

    def probe(self, name, fn, *args):
        """Run ``fn(*args)``; an exception becomes the probe's recorded error."""
        try:
            return fn(*args)
        except Exception as e:  # noqa: BLE001 - any error in the student's code is an observation
            self.errors[name] = describe_error(e, self.source)

    def save(self, out):
        """obs.bin: the plain (numeric or text) arrays' bytes back to back; obs.json: the metadata, the
        errors, and each array's dtype, shape and offset in obs.bin."""
        index, chunks, offset = {}, [], 0
        for key, value in self.arrays.items():
            if value.dtype.kind not in PLAIN_KINDS:
                continue
            data = np.ascontiguousarray(value).tobytes()
            index[key] = [value.dtype.str, list(value.shape), offset]
            chunks.append(data)
            offset += len(data)
        Path(out, "obs.bin").write_bytes(b"".join(chunks))
        Path(out, "obs.json").write_text(json.dumps({"meta": self.meta, "errors": self.errors, "arrays": index}))


PLAIN_KINDS = "biufcSU"  # the dtypes an observation keeps (no objects, so nothing is unpickled)


def describe_error(exc, source):
    """'TypeError: ... (neural_net.py, line 57: dW1 = ...)': the last frame in the student's file."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if source in ("*", f.filename)]
    where = f" ({Path(frames[-1].filename).name}, line {frames[-1].lineno}: {frames[-1].line})" if frames else ""
    return f"{type(exc).__name__}: {exc}{where}"[:600]


def record_default_init(rec, cls):
    """TwoLayerNet(D, H, C) with __init__'s default std, after np.random.seed(0), and that default."""
    rec.meta["init_defaults"] = recording.keyword_defaults(cls, "__init__")
    np.random.seed(0)
    for k, v in copy_params(cls(problems.D, problems.H, problems.C).params).items():
        if k in problems.PARAM_NAMES and np.asarray(v).dtype.kind in "biuf":
            rec.put(f"init_default/{k}", np.asarray(v))


def other_sizes_call(rec, cls):
    """The ``call`` of an instance at ``problems.OTHER_SIZES``, made after np.random.seed(0); its
    params are recorded (``init_other``)."""
    np.random.seed(0)
    call, net = class_call(cls, problems.OTHER_SIZES)
    for k in problems.PARAM_NAMES:
        if k in net.params and np.asarray(net.params[k]).dtype.kind in "biuf":
            rec.put(f"init_other/{k}", np.array(net.params[k], copy=True))
    return call


def shares_params(rec, cls, net, toy):
    """Whether a second instance (another seed) shares the first one's params: the same dict or
    arrays, or the first one's values changed by it. Its own params are recorded (``init_seed1``)."""
    np.random.seed(problems.SECOND_SEED)
    other = cls(problems.D, problems.H, problems.C, std=1e-1)
    for k in problems.PARAM_NAMES:
        if k in other.params and np.asarray(other.params[k]).dtype.kind in "biuf":
            rec.put(f"init_seed1/{k}", np.array(other.params[k], copy=True))
    return (other.params is net.params or any(k in other.params and other.params[k] is net.params[k] for k in toy)
            or any(not np.array_equal(net.params[k], toy[k]) for k in toy))


def overlapping_params(params):
    """The pairs of an instance's params that are views of one array ("b1 and b2"): an in-place
    update of one changes the other."""
    arrays = {k: params[k] for k in problems.PARAM_NAMES if isinstance(params.get(k), np.ndarray)}
    return [f"{a} and {b}" for a, b in itertools.combinations(arrays, 2) if np.shares_memory(arrays[a], arrays[b])]


def copy_params(params):
    return {k: np.array(v, copy=True) for k, v in params.items()}


def record_loss_call(rec, name, call, params, X, y, reg):
    """``call(params, X, y, reg) -> (loss, grads)`` on copies; record outputs and any mutation (of the
    arrays loss was given: a ``NetCall``'s ``seen``)."""
    p, Xc, yc = copy_params(params), rec.fresh(X), rec.fresh(y)
    loss, grads = call(p, Xc, yc, reg)
    p = getattr(call, "seen", None) or p
    if not isinstance(grads, dict):
        raise TypeError(f"loss returned grads as {type(grads).__name__}, expected a dict")
    rec.put(f"{name}/loss", np.asarray(loss, dtype=np.float64))
    rec.meta[f"{name}/loss_type"] = type(loss).__name__
    rec.meta[f"{name}/grad_keys"] = sorted(map(str, grads))
    for k in problems.PARAM_NAMES:
        if k in grads:
            g = np.asarray(grads[k])
            rec.meta[f"{name}/dtype/{k}"] = str(g.dtype)
            rec.put(f"{name}/grads/{k}", g.astype(np.float64) if g.dtype.kind in "fiu" else np.nan)
    changed = [k for k in params if not np.array_equal(p[k], params[k])]
    for k in changed:  # what loss left in the param: 2 reg W, say, the reg term's gradient written into it
        if np.asarray(p[k]).dtype.kind in "fiu" and np.shape(p[k]) == np.shape(params[k]):
            rec.put(f"{name}/after/{k}", np.asarray(p[k], dtype=np.float64))
    # a changed param whose array is its returned gradient: the gradient was computed in the weights
    rec.meta[f"{name}/aliased"] = [k for k in changed if isinstance(grads.get(k), np.ndarray)
                                   and np.shares_memory(grads[k], p[k])]
    changed += [n for n, a, b in (("X", Xc, X), ("y", yc, y)) if not np.array_equal(a, b)]
    rec.meta[f"{name}/mutated"] = changed


def loss_again(rec, call, params, X, y, reg):
    """The toy call made again, after a call on its first example alone: a loss that keeps state
    between calls (examples, sums, caches) returns another value."""
    call(copy_params(params), rec.fresh(X[:1]), rec.fresh(y[:1]), reg)
    rec.put("toy_again/loss", np.asarray(call(copy_params(params), rec.fresh(X), rec.fresh(y), reg)[0], np.float64))


def observe_loss(rec, call, toy_params, other_call):
    """The toy problem (with its numeric gradient), every extra loss problem, and the problem of
    other sizes through ``other_call`` (a net made at those sizes; None: it could not be made), also
    at reg = 0."""
    X, y = problems.toy_data()
    rec.probe("toy", record_loss_call, rec, "toy", call, toy_params, X, y, 0.05)
    rec.probe("toy_again", loss_again, rec, call, toy_params, X, y, 0.05)
    rec.probe("numeric", numeric_gradients, rec, call, toy_params, X, y, 0.05)
    for prob in problems.loss_problems().values():
        rec.probe(prob.name, record_loss_call, rec, prob.name, call, prob.params, prob.X, prob.y, prob.reg)
    if other_call is None:
        return
    other = problems.other_sizes_problem()
    rec.probe(other.name, record_loss_call, rec, other.name, other_call, other.params, other.X, other.y, other.reg)
    rec.probe(f"{other.name}_reg0", lambda: rec.put(f"{other.name}/loss_reg0", np.asarray(other_call(
        copy_params(other.params), rec.fresh(other.X), rec.fresh(other.y), 0.0)[0], np.float64)))


def numeric_gradients(rec, call, params, X, y, reg):
    """The notebook's centred-difference gradient of the student's own loss, per param."""
    p = copy_params(params)
    if isinstance(call, NetCall):  # perturb the net's own arrays, which each call then leaves as they are
        recording.set_params(call.net, p)
        p = dict(call.net.params)
    for k in problems.PARAM_NAMES:
        f = lambda _: float(call(p, X, y, reg)[0])  # noqa: E731 - p[k] is perturbed in place
        rec.put(f"numeric/{k}", eval_numerical_gradient(f, p[k], verbose=False))


class NetCall:
    """``call(params, X, y, reg)``: ``loss`` of one instance at ``params``, written into the instance's own
    param arrays where they take them (``recording.set_params``: arrays its layers hold see them too);
    ``seen``, the param arrays the last call's loss was given."""

    def __init__(self, net):
        self.net, self.seen = net, None

    def __call__(self, params, X, y, reg):
        recording.set_params(self.net, params)
        self.seen = dict(self.net.params)
        return self.net.loss(X, y, reg=reg)


def class_call(cls, sizes=(problems.D, problems.H, problems.C)):
    """A ``NetCall`` on one instance made at ``sizes``, and the instance."""
    net = cls(*sizes, std=1e-1)
    return NetCall(net), net


def observe_class(rec, cls):
    """Every probe of the notebook's TwoLayerNet API."""
    np.random.seed(0)
    net = cls(problems.D, problems.H, problems.C, std=1e-1)
    toy = copy_params(net.params)
    for k in problems.PARAM_NAMES:  # in its own dtype when it is a number's: integer biases are a mistake
        init = np.asarray(toy[k])
        rec.put(f"init/{k}", init if init.dtype.kind in "biuf" else init.astype(np.float64))
    rec.probe("init_shared", lambda: rec.meta.update(init_shared=shares_params(rec, cls, net, toy)))
    rec.probe("init_overlapping", lambda: rec.meta.update(init_overlapping=overlapping_params(net.params)))
    rec.probe("init_default", record_default_init, rec, cls)
    X, y = problems.toy_data()
    other = problems.predict_problem()[0]
    rec.probe("toy_scores", lambda: rec.put("toy_scores", scores_after_change(net, rec.fresh(X), other)))
    call, probe_net = class_call(cls)
    other_call = rec.probe("init_other", other_sizes_call, rec, cls)
    observe_loss(rec, call, toy, other_call)
    rec.probe("toy_default_reg", lambda: rec.put("toy_default_reg/loss", np.float64(
        _with(probe_net, toy).loss(rec.fresh(X), rec.fresh(y))[0])))  # loss(X, y) without reg: reg = 0
    for prob in problems.loss_problems().values():  # the scores alone, loss(X)
        rec.probe(f"{prob.name}_scores", lambda prob=prob: rec.put(
            f"{prob.name}/scores", np.asarray(_with(probe_net, prob.params).loss(rec.fresh(prob.X)), np.float64)))
    if other_call is not None:
        other = problems.other_sizes_problem()
        rec.probe(f"{other.name}_scores", lambda: rec.put(f"{other.name}/scores", np.asarray(
            other_call(copy_params(other.params), rec.fresh(other.X), None, 0.0), np.float64)))
    params, Xp = problems.predict_problem()
    rec.probe("predict", lambda: rec.put("predict", np.asarray(_with(probe_net, params).predict(rec.fresh(Xp)))))
    edge_params, Xe = problems.predict_edge_problem()
    rec.probe("predict_edge", lambda: rec.put(
        "predict_edge", np.asarray(_with(probe_net, edge_params).predict(rec.fresh(Xe)))))
    rec.probe("predict_edge_scores", lambda: rec.put("predict_edge/scores", np.asarray(
        _with(probe_net, edge_params).loss(rec.fresh(Xe)), np.float64)))  # loss(X) on the same 300 rows
    rec.probe("predict_one", lambda: rec.put("predict_one", np.asarray(
        _with(probe_net, params).predict(rec.fresh(Xp[:1])))))
    rec.probe("predict_fortran", lambda: rec.put("predict_fortran", np.asarray(
        _with(probe_net, params).predict(rec.fresh(np.asfortranarray(Xp))))))
    rec.probe("predict_fortran_scores", lambda: rec.put("predict_fortran/scores", np.asarray(
        _with(probe_net, params).loss(rec.fresh(np.asfortranarray(Xp))), np.float64)))  # loss(X) on it too
    rec.probe("predict_again", lambda: rec.put("predict_again", predict_after_change(
        probe_net, params, edge_params, rec.fresh(Xp))))
    many_params, Xm = problems.predict_many_problem()
    rec.probe("predict_many", lambda: rec.put("predict_many", np.asarray(
        _with(cls(problems.D, problems.H, problems.MANY_CLASSES, std=1e-1), many_params).predict(rec.fresh(Xm)))))
    rec.probe("predict_scores", lambda: rec.put(
        "predict/scores", np.asarray(_with(probe_net, params).loss(rec.fresh(Xp)), np.float64)))
    rec.probe("toy_training", toy_training, rec, cls)
    rec.meta["train_defaults"] = recording.keyword_defaults(cls, "train")
    rec.meta["loss_defaults"] = recording.keyword_defaults(cls, "loss")
    rec.meta["train_parameters"] = recording.parameter_names(cls)
    nets = {}
    for prefix, prob in problems.train_problems().items():
        nets[prefix] = rec.probe(prefix, recording.record_training, rec, cls, prefix, prob, nets.get(prob.after))
        if prefix == "trace" and nets[prefix] is not None:  # predict on the instance that has just trained
            rec.probe("predict_trained", lambda prob=prob: rec.put("predict_trained", np.asarray(
                nets["trace"].predict(rec.fresh(prob.X_val)))))
            rec.probe("loss_trained", lambda prob=prob: rec.put("loss_trained", np.float64(  # loss(X, y), no reg
                nets["trace"].loss(rec.fresh(prob.X), rec.fresh(prob.y))[0])))
    rec.probe(problems.REPEAT_RUN, recording.record_training, rec, cls, problems.REPEAT_RUN)
    main = problems.train_problem()
    reseeded = dataclasses.replace(main, seed=main.seed + 1)
    rec.probe(problems.RESEEDED_RUN, recording.record_training, rec, cls, problems.RESEEDED_RUN, reseeded)
    talking = dataclasses.replace(main, kwargs={**main.kwargs, "verbose": True})
    with contextlib.redirect_stdout(io.StringIO()):  # its progress lines are not evidence
        rec.probe(problems.VERBOSE_RUN, recording.record_training, rec, cls, problems.VERBOSE_RUN, talking)


def predict_after_change(net, params, other, X):
    """``predict`` on one array at ``params``, then on the same array after ``other`` is set in place
    (labels cached by X are the first params' labels)."""
    _with(net, params).predict(X)
    set_in_place(net, other)
    return np.asarray(net.predict(X))


def set_in_place(net, params):
    """Write ``params`` into the net's own param arrays, as train's update does (by assignment where what
    net.params hands out is not what it reads)."""
    for k, v in params.items():
        try:
            net.params[k][...] = v
        except (TypeError, ValueError):  # not a writable array of that shape: set a new one
            net.params[k] = np.array(v, copy=True)
    if not recording.holds(net, params):  # copies handed out
        net.params = copy_params(params)


def scores_after_change(net, X, other):
    """``loss(X)`` at the net's params, after a call on the same array X at ``other`` params (set in
    place, then put back): scores cached by X would be the other params' scores."""
    own = copy_params(net.params)
    set_in_place(net, other)
    net.loss(X)
    set_in_place(net, own)
    return np.asarray(net.loss(X), np.float64)


def _with(net, params):
    recording.set_params(net, params)
    return net


def toy_training(rec, cls):
    """The notebook's section 5: re-seed, re-create the toy model, train 100 iterations."""
    X, y = problems.toy_data()
    np.random.seed(0)
    net = cls(problems.D, problems.H, problems.C, std=1e-1)
    stats = net.train(X, y, X, y, **problems.notebook.TOY_TRAIN, verbose=False)
    rec.put("toy_training/loss_history", np.asarray(stats["loss_history"], dtype=np.float64).ravel())


def install_past_shim():
    """The course's skeleton imports ``past.builtins.xrange`` (the ``future`` package); give it
    ``range`` when that package is missing, rather than failing to load."""
    if "past" not in sys.modules and importlib.util.find_spec("past") is None:
        past, builtins_ = types.ModuleType("past"), types.ModuleType("past.builtins")
        builtins_.xrange, past.builtins = range, builtins_
        sys.modules.update({"past": past, "past.builtins": builtins_})


def load_module(path):
    """Import a .py file, or ``*/classifiers/neural_net.py`` inside a folder (as a package
    module, so that its own ``from cs231n...`` imports resolve). Returns (module, file)."""
    path = Path(path).resolve()
    install_past_shim()
    if path.is_dir():
        found = sorted(path.glob("*/classifiers/neural_net.py"))
        found.sort(key=lambda f: f.parts[-3] != "cs231n")
        if not found:
            raise FileNotFoundError(f"no */classifiers/neural_net.py under {path}")
        sys.path.insert(0, str(path))
        rel = found[0].relative_to(path).with_suffix("")
        return importlib.import_module(".".join(rel.parts)), str(found[0])
    if not path.is_file():
        raise FileNotFoundError(f"no such file: {path}")
    sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(f"checked_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module, str(path)


def load_function(spec):
    """'file.py:name' or 'package.module:name' -> (function, source file)."""
    target, _, name = spec.rpartition(":")
    if not target or not name:
        raise ValueError(f"--function wants module:name or file.py:name, got {spec!r}")
    if target.endswith(".py") or Path(target).is_file():
        module, source = load_module(target)
    else:
        sys.path.insert(0, str(Path.cwd()))
        module = importlib.import_module(target)
        source = getattr(module, "__file__", None)
    return getattr(module, name), source


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--path")
    what.add_argument("--function")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    try:
        if args.function:
            fn, source = load_function(args.function)
        else:
            module, source = load_module(args.path)
            cls = getattr(module, "TwoLayerNet", None)
            if cls is None:
                raise AttributeError(f"{Path(source).name} defines no TwoLayerNet")
    except BaseException as e:  # noqa: BLE001 - a SystemExit or syntax error at import is a load error
        Path(args.out, "load_error.txt").write_text(describe_error(e, "*"))
        return 3
    rec = Recorder(source)
    if args.function:
        rec.meta["mode"] = "function"
        call = lambda p, X, y, reg: fn(p, X, y, reg)  # noqa: E731
        observe_loss(rec, call, problems.toy_params(), call)
    else:
        rec.meta["mode"] = "class"
        observe_class(rec, cls)
    rec.save(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
