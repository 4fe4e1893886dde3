"""What the command-line programs share: data flags, errors as one line, run metadata."""

import argparse
import contextlib
import os
import platform
import sys
from pathlib import Path

import jax

import jaxnet
from jaxnet import artifacts, data, plots, preprocess, training

EXPECTED_ERRORS = (data.DataError, training.TrainingDiverged, plots.MissingMatplotlib,
                   ValueError, TypeError)


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter):
    """Help that states each flag's default (the preset's, after ``--preset NAME``), except
    for switches that are off and flags that default to nothing."""

    def _get_help_string(self, action):
        if action.default is None or action.default is False:
            return action.help
        return super()._get_help_string(action)


def new_parser(prog, doc, default_out):
    """A program's parser: its docstring's first paragraph, the data flags and ``--out``."""
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n\n")[0],
                                     formatter_class=HelpFormatter)
    add_data_flags(parser)
    parser.add_argument("--out", default=default_out, help="output folder")
    return parser


def add_data_flags(parser):
    parser.add_argument("--data-dir", default=None,
                        help=f"the cifar-10-batches-py folder (default: ${data.ENV_VAR})")
    parser.add_argument("--download", action="store_true",
                        help="fetch and verify the official archive into --data-dir first")
    parser.add_argument("--num-training", type=int, default=49000,
                        help="training rows: the first N of the 50000")
    parser.add_argument("--num-validation", type=int, default=1000,
                        help="validation rows, the ones after the training rows")
    parser.add_argument("--num-test", type=int, default=1000,
                        help="score the first N test images (the notebook: 1000; all: 10000; "
                             "0: leave the test split alone, e.g. while tuning)")


def add_recipe_flags(parser):
    """Training options beyond the notebook's SGD; every default is the notebook's."""
    g = parser.add_argument_group("beyond the notebook (all opt-in)")
    g.add_argument("--epochs", type=float, default=None,
                   help="train this many epochs (overrides --num-iters)")
    g.add_argument("--optimizer", choices=training.OPTIMIZERS, default="sgd",
                   help="the update rule (sgd: the notebook's)")
    g.add_argument("--momentum", type=float, default=0.9, help="for momentum and nesterov")
    g.add_argument("--weight-decay", type=float, default=0.0,
                   help="decoupled weight decay on W1, W2 (scaled by the learning rate)")
    g.add_argument("--schedule", choices=training.SCHEDULES, default="notebook",
                   help="the learning rate over time (notebook: decay after every epoch)")
    g.add_argument("--warmup-epochs", type=float, default=0.0,
                   help="linear warm-up of the cosine and step schedules")
    g.add_argument("--step-epochs", type=float, default=1.0,
                   help="the step schedule's period in epochs")
    g.add_argument("--dropout", type=float, default=0.0, help="hidden-layer dropout rate")
    g.add_argument("--label-smoothing", type=float, default=0.0,
                   help="weight of the uniform distribution mixed into the targets")
    g.add_argument("--mixup", type=float, default=0.0, help="mixup alpha (0: off)")
    g.add_argument("--sampling", choices=training.SAMPLINGS, default="replacement",
                   help="minibatch rows drawn with replacement (the notebook's) or by "
                        "a permutation per epoch")
    g.add_argument("--flip", action="store_true", help="random horizontal flips")
    g.add_argument("--crop", type=int, default=0, help="random crops after padding by N px")
    g.add_argument("--preprocess", choices=preprocess.KINDS, default="mean",
                   help="fitted on the training split, applied to all (mean: the notebook's)")
    g.add_argument("--whiten-eps", type=float, default=0.1,
                   help="ZCA/PCA regulariser, relative to the mean eigenvalue")
    g.add_argument("--pca-components", type=int, default=None,
                   help="with --preprocess pca, keep this many components (default: all)")
    g.add_argument("--tta-flip", action="store_true",
                   help="evaluate on each image and its mirror image, averaging the scores")
    g.add_argument("--tta-shift", type=int, default=0,
                   help="with --tta-flip, also average over translations by up to N px")


def num_iters(args, num_train):
    """--epochs converted to iterations (the sampling's epoch length), else --num-iters."""
    if args.epochs is None:
        return args.num_iters
    per_epoch = training.iterations_per_epoch(num_train, args.batch_size, args.sampling)
    return max(1, round(args.epochs * per_epoch))


def recipe_options(args):
    """The static training options, as keyword arguments of ``train`` and ``sweep``."""
    return dict(optimizer=args.optimizer, schedule=args.schedule,
                warmup_epochs=args.warmup_epochs, step_epochs=args.step_epochs,
                sampling=args.sampling, flip=args.flip, crop=args.crop,
                image_shape=data.IMAGE_SHAPE if args.preprocess != "pca" else None)


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
            "cpu_count": os.cpu_count(), "python": platform.python_version()}


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


def write_run(out, params, history, metrics, prep=None):
    """A trained net's files, each written atomically: params.npz, curves.png, weights.png
    (the first layer's weights as they act on pixels, whatever the preprocessing),
    metrics.json (``metrics`` plus the environment and the history), and preprocess.npz
    when the inputs were preprocessed beyond the mean image."""
    out = Path(out)
    if prep is not None:
        artifacts.save_arrays(out / "preprocess.npz", prep)
    artifacts.save_params(out / "params.npz", params)
    plots.save_curves(out / "curves.png", history)
    W1 = params["W1"] if prep is None else preprocess.pixel_weights(prep, params["W1"])
    plots.save_weights(out / "weights.png", W1, data.IMAGE_SHAPE)
    artifacts.save_json(out / "metrics.json", {**metrics, **environment(), "history": history})
    return sorted(out.iterdir())
