"""What the command-line programs share: data flags, errors as one line, run metadata."""

import contextlib
import os
import platform
import sys
from pathlib import Path

import jax

import jaxnet
from jaxnet import artifacts, data, plots, training

EXPECTED_ERRORS = (data.DataError, training.TrainingDiverged, ValueError, TypeError)


def add_data_flags(parser):
    parser.add_argument("--data-dir", default=None,
                        help=f"the cifar-10-batches-py folder (default: ${data.ENV_VAR})")
    parser.add_argument("--download", action="store_true",
                        help="fetch and verify the official archive into --data-dir first")
    parser.add_argument("--num-test", type=int, default=1000,
                        help="score the first N test images (the notebook: 1000; all: 10000)")


def load_data(args, dtype):
    """The notebook's preprocessed splits, downloading first if asked."""
    if args.download:
        if not (args.data_dir or os.environ.get(data.ENV_VAR)):
            raise data.DataError(f"--download needs --data-dir (or ${data.ENV_VAR}) to say "
                                 f"where to put the data")
        data.download_cifar10(data.resolve_data_dir(args.data_dir))
    return data.get_cifar10_data(args.data_dir, num_test=args.num_test, dtype=dtype)


def enable_dtype(name):
    """Turn on float64 in JAX when asked (before any array exists); return the NumPy dtype."""
    if name == "float64":
        jax.config.update("jax_enable_x64", True)
    return {"float32": "float32", "float64": "float64"}[name]


def environment():
    """Where a run happened: versions and devices, for metrics files."""
    devices = jax.devices()
    return {"jax_version": jax.__version__, "platform": devices[0].platform,
            "device": str(devices[0].device_kind), "device_count": len(devices),
            "cpu_count": os.cpu_count(), "python": platform.python_version()}


@contextlib.contextmanager
def friendly_errors(prog):
    """Expected failures become one line on stderr and exit 1; Ctrl-C exits 130 at once.

    Files are only ever written atomically, so nothing is half-written when we stop.
    """
    try:
        yield
    except KeyboardInterrupt:
        print(f"\n{prog}: interrupted; files already written are complete, nothing else was written",
              file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(130)  # don't wait for a running XLA program
    except EXPECTED_ERRORS as err:
        print(f"{prog}: error: {err}", file=sys.stderr)
        sys.exit(1)


def evaluate(params, splits):
    """Validation and test accuracy of ``params`` on the preprocessed splits."""
    return {f"{name}_acc": jaxnet.accuracy(params, splits[f"X_{name}"], splits[f"y_{name}"])
            for name in ("val", "test")}


def write_run(out, params, history, metrics):
    """A trained net's files, each written atomically: params.npz, curves.png, weights.png,
    metrics.json (``metrics`` plus the environment and the history)."""
    out = Path(out)
    artifacts.save_params(out / "params.npz", params)
    plots.save_curves(out / "curves.png", history)
    plots.save_weights(out / "weights.png", params["W1"], data.IMAGE_SHAPE)
    artifacts.save_json(out / "metrics.json", {**metrics, **environment(), "history": history})
    return [out / n for n in ("metrics.json", "params.npz", "curves.png", "weights.png")]
