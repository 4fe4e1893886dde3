"""Host-side validation: clear errors before any jitted code runs.

Jitted code cannot raise on values, and JAX clamps out-of-range gathers silently, so every
public entry point checks its arguments here first. Shape and dtype checks always run;
checks on values (label ranges, finite inputs) run whenever the array is concrete, that is,
not a tracer inside ``jax.jit`` or ``jax.grad``.
"""

import numbers
import os

import jax
import jax.numpy as jnp
import numpy as np

PARAM_NAMES = ("W1", "b1", "W2", "b2")


def _is_concrete(x):
    return not isinstance(x, jax.core.Tracer)


def _shape(x, name):
    try:
        return tuple(np.shape(x))
    except Exception as err:  # e.g. a ragged list
        raise TypeError(f"{name} must be an array, got {type(x).__name__}") from err


def _dtype(x):
    return np.dtype(x.dtype) if hasattr(x, "dtype") else np.asarray(x).dtype


@jax.jit
def _device_all_finite(x):
    # XLA's max propagates NaN, and a float max reduction vectorises where all() over
    # isfinite's booleans does not: 15 ms instead of 56 for CIFAR-10's training split here.
    return jnp.isfinite(jnp.max(jnp.abs(x), initial=0))


def _all_finite(x):
    if isinstance(x, jax.Array):  # reduce on the device, move one bool
        return bool(_device_all_finite(x))
    return bool(np.isfinite(np.asarray(x)).all())


def check_positive_int(value, name, allow_zero=False):
    """Require a Python or NumPy integer > 0 (>= 0 with ``allow_zero``)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be {bound}, got {value}")
    return int(value)


HISTORY_BYTES_PER_UPDATE = 16  # a float64 loss on the host, and its copy when pieces are joined


def memory_bytes():
    """This machine's physical memory in bytes."""
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def check_history_fits(num_iters, runs=1):
    """Refuse a run whose loss history (one float per update, kept on the host) cannot fit
    in this machine's memory, before anything is computed: a ``ValueError`` saying so."""
    need, have = HISTORY_BYTES_PER_UPDATE * num_iters * runs, memory_bytes()
    if need > have:
        what = f"{runs} runs of {num_iters:,} updates" if runs > 1 else f"{num_iters:,} updates"
        raise ValueError(f"num_iters={num_iters}: the loss history of {what} needs about "
                         f"{need / 1e9:.1f} GB ({HISTORY_BYTES_PER_UPDATE} bytes per update), "
                         f"more than this machine's {have / 1e9:.1f} GB of memory; "
                         f"train fewer updates")


def check_params(params):
    """Check the params dict; return its sizes (D, H, C).

    Raises TypeError when params is not a dict or holds non-float arrays, and ValueError
    naming the key when a key is missing or extra or a shape disagrees with W1 (D, H),
    b1 (H,), W2 (H, C), b2 (C,).
    """
    if not isinstance(params, dict):
        raise TypeError(f"params must be a dict with keys {PARAM_NAMES}, got {type(params).__name__}")
    missing = [k for k in PARAM_NAMES if k not in params]
    extra = sorted(set(params) - set(PARAM_NAMES))
    if missing or extra:
        raise ValueError(f"params must have exactly the keys {PARAM_NAMES}: "
                         f"missing {missing}, unexpected {extra}")
    shapes = {k: _shape(params[k], f"params[{k!r}]") for k in PARAM_NAMES}
    for k in PARAM_NAMES:
        dtype = _dtype(params[k])
        if not np.issubdtype(dtype, np.floating):
            raise TypeError(f"params[{k!r}] must be a float array, got dtype {dtype}")
    if len(shapes["W1"]) != 2 or len(shapes["W2"]) != 2:
        raise ValueError(f"W1 and W2 must be 2-D, got shapes {shapes['W1']} and {shapes['W2']}")
    (D, H), (H2, C) = shapes["W1"], shapes["W2"]
    expected = {"b1": (H,), "W2": (H, C), "b2": (C,)}
    if H2 != H:
        raise ValueError(f"inconsistent params: W1 is {shapes['W1']} (D, H) but W2 is "
                         f"{shapes['W2']}; W2 must have H = {H} rows")
    for k, shape in expected.items():
        if shapes[k] != shape:
            raise ValueError(f"inconsistent params: {k} has shape {shapes[k]}, expected {shape} "
                             f"from W1 {shapes['W1']} and W2 {shapes['W2']}")
    return D, H, C


def check_inputs(X, input_size, name="X"):
    """Check inputs X: (N, input_size), real numbers, all finite. Returns N."""
    shape = _shape(X, name)
    if len(shape) != 2:
        raise ValueError(f"{name} must be 2-D (N, D), got shape {shape}")
    if shape[1] != input_size:
        raise ValueError(f"{name} has {shape[1]} columns but the network takes {input_size} "
                         f"inputs (W1 has {input_size} rows)")
    dtype = _dtype(X)
    # jnp.issubdtype, unlike NumPy's, knows bfloat16 and the other ml_dtypes floats.
    floating = jnp.issubdtype(dtype, jnp.floating)
    if not (floating or jnp.issubdtype(dtype, jnp.integer)):
        raise TypeError(f"{name} must hold real numbers, got dtype {dtype}")
    if _is_concrete(X) and floating and not _all_finite(X):
        row = int(np.argwhere(~np.isfinite(np.asarray(X)))[0][0])
        raise ValueError(f"{name} has non-finite values (NaN or inf), first in row {row}")
    return shape[0]


def check_labels(y, num_examples, num_classes, name="y"):
    """Check labels y: (num_examples,), integers in [0, num_classes)."""
    shape = _shape(y, name)
    if len(shape) != 1 or shape[0] != num_examples:
        raise ValueError(f"{name} must have shape ({num_examples},) to match the inputs, got {shape}")
    dtype = _dtype(y)
    if dtype == np.bool_ or not np.issubdtype(dtype, np.integer):
        raise TypeError(f"{name} must hold integer class labels, got dtype {dtype}")
    if _is_concrete(y) and num_examples:
        values = np.asarray(y)
        bad = (values < 0) | (values >= num_classes)
        if bad.any():
            i = int(np.argmax(bad))
            raise ValueError(f"{name} must be in [0, {num_classes}): {name}[{i}] = {values[i]}")


def check_batch_indices(batch_indices, num_iters, batch_size, num_train):
    """Check explicit minibatch indices: (num_iters, batch_size) integers in [0, num_train)."""
    shape = _shape(batch_indices, "batch_indices")
    if shape != (num_iters, batch_size):
        raise ValueError(f"batch_indices must have shape (num_iters, batch_size) = "
                         f"({num_iters}, {batch_size}), got {shape}")
    values = np.asarray(batch_indices)
    if not np.issubdtype(values.dtype, np.integer):
        raise TypeError(f"batch_indices must be integers, got dtype {values.dtype}")
    if values.size and (values.min() < 0 or values.max() >= num_train):
        raise ValueError(f"batch_indices must be in [0, {num_train}) (the training rows), "
                         f"got values from {values.min()} to {values.max()}")
    return values
