"""What the command-line programs share: flags derived from the option declarations, the
checks made before any data is read, errors as one line, and a run's files."""

import argparse
import contextlib
import dataclasses
import os
import platform
import sys
from pathlib import Path

import jax

import jaxnet
from jaxnet import artifacts, config, data, plots, preprocess, training

EXPECTED_ERRORS = (data.DataError, training.TrainingDiverged, plots.MissingMatplotlib,
                   ValueError, TypeError)
CACHE_ENV = "JAXNET_COMPILE_CACHE"  # a folder for compiled programs, or "off"
# Every file a program writes into --out; a folder holding any of them holds a run.
RUN_FILES = ("params.npz", "preprocess.npz", "metrics.json", "curves.png", "weights.png",
             "sweep.json", "state.npz")


def flag(name):
    """An option's command-line flag: ``learning_rate`` -> ``--learning-rate``."""
    return "--" + name.replace("_", "-")


def _number(kind, low, strict=False):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < low or (strict and value == low):
            raise argparse.ArgumentTypeError(f"must be {'>' if strict else '>='} {low}, got {text}")
        return value
    parse.__name__ = kind.__name__
    return parse


def positive_float(text):
    """An argparse type: a float > 0."""
    return _number(float, 0.0, strict=True)(text)


def parse_std(text):
    """``--std``: a non-negative float, or "he"."""
    if text == "he":
        return text
    return _number(float, 0.0)(text)


# The programs' options beyond jaxnet.Config: the model, the data's preprocessing and the
# evaluation. hidden_size and seed are also sweep axes.
PROGRAM_OPTIONS = {
    "hidden_size": dict(type=_number(int, 0, strict=True), default=50, help="hidden units"),
    "std": dict(type=parse_std, default=1e-4, help="initial weight scale, or 'he'"),
    "seed": dict(type=_number(int, 0), default=0,
                 help="decides the initial params, the minibatches and all noise"),
    "dtype": dict(choices=("float32", "float64"), default="float32", help="compute dtype"),
    "epochs": dict(type=_number(float, 0.0, strict=True), default=None,
                   help="train this many epochs (overrides --num-iters)"),
    "preprocess": dict(choices=preprocess.KINDS, default="mean",
                       help="fitted on the training split, applied to all (mean: the notebook's)"),
    "whiten_eps": dict(type=_number(float, 0.0, strict=True), default=0.1,
                       help="ZCA/PCA regulariser, relative to the mean eigenvalue"),
    "pca_components": dict(type=_number(int, 0, strict=True), default=None,
                           help="with --preprocess pca, keep this many components (default: all)"),
    "tta_flip": dict(action="store_true",
                     help="evaluate on each image and its mirror image, averaging the scores"),
    "tta_shift": dict(type=_number(int, 0), default=0,
                      help="with --tta-flip, also average over translations by up to N px"),
}
SWEEP_AXES = ("hidden_size", "seed") + config.TRACED


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Help that states each flag's default (the preset's, after ``--preset NAME``), except
    for switches that are off and flags that default to nothing."""

    def _get_help_string(self, action):
        if action.default is None or action.default is False:
            return action.help
        return super()._get_help_string(action)


def new_parser(prog, doc, default_out, defaults, sweep=False):
    """A program's parser: its docstring's first paragraph, the data flags, ``--out``, and a
    flag for every option (``jaxnet.Config``'s and ``PROGRAM_OPTIONS``), with ``defaults``
    over the declared ones. With ``sweep``, the sweep axes take one or more values (their
    plural spelling, ``--learning-rates``, is accepted too)."""
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0],
                                     formatter_class=HelpFormatter)
    add_data_flags(parser)
    parser.add_argument("--out", default=default_out, help="output folder")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace the files of an earlier run in --out")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--compile-cache", metavar="DIR", default=default_cache_dir(),
                        help=f"keep compiled programs here, so that a second run of the same "
                             f"shapes does not compile again (${CACHE_ENV}: a folder, or off)")
    parser.add_argument("--no-compile-cache", dest="compile_cache", action="store_const",
                        const=None, help="compile every program anew")

    def add(group, name, spec):
        names = [flag(name)]
        spec = dict(spec, default=defaults.get(name, spec.get("default")))
        if sweep and name in SWEEP_AXES:
            names.append(flag(name) + "s")
            spec = dict(spec, nargs="+", default=list(_as_list(spec["default"])),
                        help=spec["help"] + " (one or more: the sweep's axis)")
        group.add_argument(*names, dest=name, **spec)

    model = parser.add_argument_group("model, data and evaluation")
    for name, spec in PROGRAM_OPTIONS.items():
        add(model, name, spec)
    training_group = parser.add_argument_group(
        "training (jaxnet.Config; beyond the notebook's SGD everything is opt-in)")
    for name, field in config.FIELDS.items():
        add(training_group, name, _argparse_spec(field))
    others = {k: v for k, v in defaults.items() if k not in PROGRAM_OPTIONS and k not in config.FIELDS}
    unknown = set(others) - set(vars(parser.parse_args([])))
    if unknown:
        raise ValueError(f"defaults for unknown flags: {sorted(unknown)}")
    parser.set_defaults(**others)  # data flags, e.g. a preset's --num-test
    return parser


def _as_list(value):
    return value if isinstance(value, (list, tuple)) else [value]


def _argparse_spec(field):
    """argparse keywords for a ``Config`` field (its range is checked by ``Config``)."""
    meta, kind = field.metadata, type(field.default)
    if kind is bool:
        return dict(action="store_true", default=field.default, help=meta["help"])
    if kind is str:
        return dict(choices=meta["choices"], default=field.default, help=meta["help"])
    return dict(type=kind, default=field.default, help=meta["help"])


def add_data_flags(parser):
    parser.add_argument("--data-dir", default=None,
                        help=f"the cifar-10-batches-py folder (default: ${data.ENV_VAR})")
    parser.add_argument("--download", action="store_true",
                        help="fetch and verify the official archive into --data-dir first")
    parser.add_argument("--num-training", type=_number(int, 0, strict=True), default=49000,
                        help="training rows: the first N of the 50000")
    parser.add_argument("--num-validation", type=_number(int, 0, strict=True), default=1000,
                        help="validation rows, the ones after the training rows")
    parser.add_argument("--num-test", type=_number(int, 0), default=1000,
                        help="score the first N test images (the notebook: 1000; all: 10000; "
                             "0: leave the test split alone, e.g. while tuning)")


def make_config(args, **values):
    """The run's ``jaxnet.Config`` from the parsed flags (``values`` override them), with
    ``--epochs`` converted to iterations; a bad value is a ``ValueError`` naming its flag."""
    options = {name: getattr(args, name) for name in config.FIELDS}
    options.update(values)
    try:
        cfg = config.make_config(**options)
    except (ValueError, TypeError) as err:
        name = str(err).split()[0]
        raise ValueError(f"{flag(name)}: {err}") from None
    if args.epochs is not None:
        per_epoch = training.iterations_per_epoch(args.num_training, cfg.batch_size, cfg.sampling)
        cfg = dataclasses.replace(cfg, num_iters=max(1, round(args.epochs * per_epoch)))
    if cfg.num_iters == 0:
        raise ValueError("--num-iters: a run needs at least one iteration (got 0)")
    return cfg


def check_out(args):
    """Refuse an ``--out`` that cannot take this run's files, before any work: a file, a
    folder that cannot be written, or one holding another run's files (unless
    ``--overwrite``; with ``--resume`` it must hold the run's state)."""
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} is a file, not a folder")
    if getattr(args, "resume", False):
        if not (out / "state.npz").is_file():
            raise ValueError(f"--resume: {out} holds no state.npz to continue from (a run "
                             f"writes one with --checkpoint-every, or when interrupted)")
    elif out.is_dir():
        earlier = [name for name in RUN_FILES if (out / name).exists()]
        if earlier and not args.overwrite:
            raise ValueError(f"--out {out} holds another run's files ({', '.join(earlier)}); "
                             f"choose another folder, or pass --overwrite to replace them")
    parent = out
    while not parent.exists():  # the folder is made when the files are written
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"--out {out}: cannot write into {parent}")


def image_shape(args):
    """The rows' image layout, unless PCA changed the columns."""
    return data.IMAGE_SHAPE if args.preprocess != "pca" else None


def apply_preprocessing(args, splits):
    """Fit ``--preprocess`` on the training rows and apply it to every split, in place.

    Returns the fitted statistics (None for the notebook's mean image, already applied)."""
    if args.preprocess == "mean":
        return None
    prep = preprocess.fit(args.preprocess, splits["X_train"], image_shape=data.IMAGE_SHAPE,
                          eps=args.whiten_eps, components=args.pca_components)
    for name in ("train", "val", "test"):
        splits[f"X_{name}"] = preprocess.apply(prep, splits[f"X_{name}"], splits[f"X_{name}"].dtype)
    return prep


def load_data(args, dtype, plotting=True):
    """The notebook's preprocessed splits, downloading first if asked. ``plotting``: the run
    will draw pictures, so matplotlib is checked for first (before minutes of work)."""
    if plotting:
        plots.require()
    if args.download:
        if not (args.data_dir or os.environ.get(data.ENV_VAR)):
            raise data.DataError(f"--download needs --data-dir (or ${data.ENV_VAR}) to say "
                                 f"where to put the data")
        data.download_cifar10(data.resolve_data_dir(args.data_dir))
    return data.get_cifar10_data(args.data_dir, num_training=args.num_training,
                                 num_validation=args.num_validation, num_test=args.num_test,
                                 dtype=dtype)


def default_cache_dir():
    """$JAXNET_COMPILE_CACHE (None if "off"), else the user's cache folder."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "no", "false") else value
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return str(Path(base) / "jaxnet" / "xla")


def enable_compile_cache(folder):
    """JAX's persistent compilation cache in ``folder`` (None: off), for every program,
    however quickly it compiles."""
    if folder is None:
        return
    jax.config.update("jax_compilation_cache_dir", str(folder))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.0)
    jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)


def enable_dtype(name):
    """Turn on float64 in JAX when asked (before any array exists); return the dtype name."""
    if name == "float64":
        jax.config.update("jax_enable_x64", True)
    return name


def environment():
    """Where a run happened: versions and devices, for metrics files."""
    devices = jax.devices()
    return {"jax_version": jax.__version__, "platform": devices[0].platform,
            "device": str(devices[0].device_kind), "device_count": len(devices),
            "cpu_count": os.cpu_count(), "cpu": cpu_name(),
            "python": platform.python_version()}


def cpu_name():
    """The processor's model name (Linux's /proc/cpuinfo), else what ``platform`` knows."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


@contextlib.contextmanager
def friendly_errors(prog):
    """Expected failures become one line on stderr and exit 1; Ctrl-C exits 130 at once;
    a closed standard output (``... | head -1``) ends the program quietly with 1.

    Files are only ever written atomically, so nothing is half-written when we stop.
    """
    try:
        yield
        sys.stdout.flush()  # here, so that a closed pipe is caught below, not at exit
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no retry at exit
        sys.exit(1)
    except KeyboardInterrupt:
        print(f"\n{prog}: interrupted; files already written are complete, nothing else was written",
              file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(130)  # don't wait for a running XLA program
    except EXPECTED_ERRORS as err:
        print(f"{prog}: error: {err}", file=sys.stderr)
        sys.exit(1)


def score(params, X, y, args):
    """Accuracy on (X, y) with the run's test-time views (--tta-flip, --tta-shift); None for
    an empty split (--num-test 0: tuning, test untouched)."""
    if not len(y):
        return None
    return jaxnet.accuracy(params, X, y, flip_average=data.IMAGE_SHAPE if args.tta_flip else None,
                           shift_average=args.tta_shift)


def evaluate(params, splits, args):
    """Validation and test accuracy of ``params`` on the preprocessed splits."""
    return {f"{name}_acc": score(params, splits[f"X_{name}"], splits[f"y_{name}"], args)
            for name in ("val", "test")}


def describe(scores, num_test):
    test = (f"test accuracy {scores['test_acc']:.4f} (first {num_test} test images)"
            if scores["test_acc"] is not None else "test not evaluated")
    return f"val accuracy {scores['val_acc']:.4f}  {test}"


def write_run(out, params, history, metrics, prep=None, extra=()):
    """A trained net's files, each written atomically: params.npz, curves.png, weights.png
    (the first layer's weights as they act on pixels, whatever the preprocessing),
    metrics.json (``metrics`` plus the environment and the history), and preprocess.npz
    (bound to these params) when the inputs were preprocessed beyond the mean image. Files
    of an earlier run that this one does not write (``--overwrite``) are removed, except
    the names in ``extra`` (written by the caller). Returns the folder's files."""
    out = Path(out)
    if prep is not None:
        artifacts.save_arrays(out / "preprocess.npz",
                              {**prep, "params_sha256": artifacts.params_fingerprint(params)})
    artifacts.save_params(out / "params.npz", params)
    plots.save_curves(out / "curves.png", history)
    W1 = params["W1"] if prep is None else preprocess.pixel_weights(prep, params["W1"])
    plots.save_weights(out / "weights.png", W1, data.IMAGE_SHAPE)
    artifacts.save_json(out / "metrics.json", {**metrics, **environment(), "history": history})
    written = {"params.npz", "curves.png", "weights.png", "metrics.json", *extra}
    if prep is not None:
        written.add("preprocess.npz")
    for name in set(RUN_FILES) - written:
        with contextlib.suppress(FileNotFoundError):
            (out / name).unlink()
    return sorted(out.iterdir())


def load_preprocessing(params_path, params):
    """The preprocess.npz written beside a checkpoint, checked to belong to ``params``;
    None if there is none."""
    path = Path(params_path).with_name("preprocess.npz")
    if not path.exists():
        return None
    prep = artifacts.load_arrays(path)
    owner = str(prep.pop("params_sha256", ""))
    if owner != artifacts.params_fingerprint(params):
        raise ValueError(f"{path} does not belong to {params_path} (it was written by another "
                         f"run); remove it, or score the checkpoint it came with")
    return prep
