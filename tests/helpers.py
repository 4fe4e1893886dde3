"""Helpers shared by the tests (fixtures stay in conftest.py)."""

import contextlib
import signal
import struct
import sys

import jax
import jax.numpy as jnp
import numpy as np

from jaxnet import config, loop


def to_jax(params, dtype=jnp.float64):
    """A reference params dict as JAX arrays of ``dtype``.

    Copies: on the CPU ``jnp.asarray`` may alias NumPy memory, and the reference's training
    loop updates its params in place.
    """
    return {k: jnp.array(v, dtype, copy=True) for k, v in params.items()}


def random_problem(rng, N, D, H, C, scale=1.0):
    """Random float64 params dict, inputs (N, D) and labels (N,) from a NumPy Generator."""
    params = {
        "W1": scale * rng.standard_normal((D, H)) / np.sqrt(D),
        "b1": 0.1 * rng.standard_normal(H),
        "W2": scale * rng.standard_normal((H, C)) / np.sqrt(H),
        "b2": 0.1 * rng.standard_normal(C),
    }
    X = rng.standard_normal((N, D))
    y = rng.integers(0, C, N)
    return params, X, y


def make_plan(num_train, input_size, image_shape=None, stop_on_divergence=True, **options):
    """The program structure ``train`` would build for ``options`` on such data."""
    return loop.make_plan([config.Config(**options)], num_train, input_size, image_shape,
                          stop_on_divergence=stop_on_divergence)


def traced(dtype=jnp.float64, **options):
    """The program's traced hyperparameters (scalars) for ``options``."""
    return loop.traced_values(config.Config(**options), dtype)


_compiles = []


def _on_event(event, duration, **kwargs):
    if event == "/jax/core/compile/backend_compile_duration":
        _compiles.append(kwargs.get("fun_name"))  # None where JAX does not name it (< 0.8)


jax.monitoring.register_event_duration_secs_listener(_on_event)


@contextlib.contextmanager
def count_compiles(function_name):
    """``with count_compiles("train_from_key") as n: ...``: ``n()`` is how many XLA
    compilations of that jitted function happened since the block began (``jax.monitoring``).
    Where JAX does not name the function in its events, every compilation counts: warm up
    the small programs around the one counted first."""
    start = len(_compiles)
    yield lambda: sum(1 for name in _compiles[start:] if name in (None, f"jit({function_name})"))


def train_as_val(X, y):
    """``loop.Data`` on the device with the training rows (N, D) and labels (N,) as the
    validation set too."""
    X, y = jnp.asarray(X), jnp.asarray(y, jnp.int32)
    return loop.Data(X, y, X, y)


def lowered_run(params, X, y, plan, hp, key=None):
    """The text of the program that trains one whole run from ``key`` (``loop.piece``)."""
    data = train_as_val(X, y)
    key = key if key is not None else jax.random.key(0)
    minibatches = tuple(jax.random.split(key))
    n = plan.config.num_iters
    return loop.piece.lower(loop.init_state(params, hp, plan), data, minibatches,
                            jnp.int32(0), jnp.int32(n), hp, plan=plan, length=n).as_text()


def receiving_sigint(script):
    """The command line that runs ``script`` (its arguments follow) in a Python whose
    SIGINT raises KeyboardInterrupt: a parent started in the background (``python -m
    pytest &``) ignores SIGINT, children inherit that, and Python keeps an inherited
    "ignore"; a child that a test sends SIGINT must receive it. (No ``preexec_fn``: it
    forks a multithreaded JAX process.)"""
    restore = ("import runpy, signal, sys; signal.signal(signal.SIGINT, "
               "signal.default_int_handler); sys.argv = sys.argv[1:]; "
               "runpy.run_path(sys.argv[0], run_name='__main__')")
    return [sys.executable, "-c", restore, str(script)]


@contextlib.contextmanager
def sigint_ignored():
    """This process ignoring SIGINT, as a background job does."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def recording_bar(seen):
    """A stand-in for tqdm that appends ("total", total) when made and ("update", n) per update
    to ``seen``."""
    class Bar:
        def __init__(self, total=None, **kwargs):
            seen.append(("total", total))

        def __enter__(self):
            return self

        def __exit__(self, *args):
            return False

        def update(self, n):
            seen.append(("update", n))

    return Bar


def png_size(path):
    """(width, height) in pixels, from a PNG file's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def numpy_accuracy(params, X, y):
    """The fraction of rows whose top score (affine, ReLU, affine), in float64, is the label."""
    p = {k: np.asarray(v, np.float64) for k, v in params.items()}
    scores = np.maximum(0, np.asarray(X, np.float64) @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]
    return float(np.mean(np.argmax(scores, axis=1) == y))
