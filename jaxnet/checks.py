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
SEED_LIMIT = 2**32  # jax.random.key folds a larger seed to 32 bits without jax_enable_x64
SPLIT_KEYS = ("X_train", "y_train", "X_val", "y_val")  # what a run needs; X_test, y_test optional


def memory_bytes():
    """This machine's physical memory in bytes."""
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def available_bytes():
    """The memory a new allocation can get on this machine: Linux's MemAvailable, else the
    physical memory."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return memory_bytes()


def device_free_bytes(device=None):
    """What ``device`` (default: JAX's first) can still allocate, from its
    ``memory_stats()``; None where it reports none (the CPU: its memory is the host's)."""
    stats = (device or jax.local_devices()[0]).memory_stats() or {}
    if "bytes_limit" not in stats:
        return None
    return stats["bytes_limit"] - stats.get("bytes_in_use", 0)


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


def training_bytes(state_size, params_size, *, input_size, hidden_size, batch_size, num_train,
                   num_eval, itemsize, runs=1):
    """Bytes that a run's device holds at once, at least: the training and evaluated rows
    (num_train + num_eval, input_size); and for each of ``runs`` vmapped runs its state
    (``state_size`` numbers: params and optimizer slots) as the program's argument and as
    its result, the gradient, the updated params and a copy of them in the program's
    layout (``params_size`` numbers each), a minibatch's rows, and the hidden layer of a
    minibatch or of the evaluated rows (max(batch_size, num_eval), hidden_size) with its
    gradient. XLA's own count for the compiled program (``memory_analysis``: arguments,
    results and temporaries) is within this."""
    rows = (num_train + num_eval) * input_size
    per_run = (2 * state_size + 3 * params_size + batch_size * input_size
               + 2 * max(batch_size, num_eval) * hidden_size)
    return itemsize * (rows + runs * per_run)


def check_fits(need, host_need, what, hint=""):
    """Refuse (``ValueError``) work whose arrays need ``need`` bytes on the device and
    ``host_need`` more on the host, more than is free: an accelerator's free memory (from
    its ``memory_stats()``) and the host's available memory; on the CPU, where both are the
    host's, their sum. Checked before compiling: a failed allocation inside a running XLA
    program can block instead of raising."""
    device = jax.local_devices()[0]
    free = device_free_bytes(device)
    limits = [(need, free, f"the {device.device_kind}'s free memory")] if free is not None else []
    limits.append((host_need if free is not None else need + host_need, available_bytes(),
                   "this machine's available memory"))
    for need_bytes, have, where in limits:
        if need_bytes > have:
            raise ValueError(f"{what} needs about {need_bytes / 1e9:.1f} GB, more than "
                             f"{where} ({have / 1e9:.1f} GB)" + (f"; {hint}" if hint else ""))


def check_run_fits(plan, input_size, hidden_size, dtype, num_train, num_eval=0, runs=1,
                   num_classes=10):
    """Refuse a training run (``plan``, the params' sizes, ``runs`` vmapped, evaluating
    ``num_eval`` rows) that cannot fit in memory before anything is compiled: on its device
    ``training_bytes``, on the host a copy of the rows."""
    from jaxnet import loop  # loop checks its arguments with this module
    shapes = {"W1": (input_size, hidden_size), "b1": (hidden_size,),
              "W2": (hidden_size, num_classes), "b2": (num_classes,)}
    params = {k: jax.ShapeDtypeStruct(v, jnp.float32) for k, v in shapes.items()}
    state = jax.eval_shape(lambda p: loop.init_state(
        p, loop.traced_values(plan.config, jnp.float32), plan), params)
    size = sum(int(np.prod(leaf.shape)) for leaf in jax.tree.leaves(state))
    itemsize = np.dtype(dtype).itemsize
    need = training_bytes(size, sum(int(np.prod(v)) for v in shapes.values()),
                          input_size=input_size, hidden_size=hidden_size,
                          batch_size=plan.config.batch_size, num_train=num_train,
                          num_eval=num_eval, itemsize=itemsize, runs=runs)
    runs_text = f" ({runs} runs at once)" if runs > 1 else ""
    check_fits(need, (num_train + num_eval) * input_size * itemsize,
               f"training {hidden_size:,} hidden units on minibatches of "
               f"{plan.config.batch_size:,} rows{runs_text}",
               "train fewer hidden units (hidden_size) or smaller minibatches (batch_size)")


def check_batch_size(batch_size, num_train):
    """Require minibatches no larger than the training rows (a larger one repeats rows in
    every minibatch, which is a mistake more often than a wish)."""
    if batch_size > num_train:
        raise ValueError(f"batch_size {batch_size} is larger than the {num_train} training "
                         f"rows; give a batch size of at most {num_train}")


def check_splits(splits):
    """Require a run's data: a dict with X_train, y_train, X_val, y_val (and X_test with
    y_test, or neither)."""
    if not isinstance(splits, dict):
        raise TypeError(f"splits must be a dict of arrays ({', '.join(SPLIT_KEYS)}, optionally "
                        f"X_test, y_test), got {type(splits).__name__}")
    missing = [k for k in SPLIT_KEYS if k not in splits]
    if ("X_test" in splits) != ("y_test" in splits):
        missing.append("y_test" if "X_test" in splits else "X_test")
    if missing:
        raise ValueError(f"splits lacks {', '.join(missing)}: a run needs "
                         f"{', '.join(SPLIT_KEYS)} (and X_test with y_test, or neither), as "
                         f"jaxnet.data.get_cifar10_data returns them")


def check_finite_params(params, source="params"):
    """Refuse params holding NaN or infinite values (a diverged or damaged net), naming
    the first such array."""
    for k in PARAM_NAMES:
        if not np.isfinite(np.asarray(params[k])).all():
            raise ValueError(f"{source}: {k} holds non-finite values (NaN or inf): a diverged "
                             f"or damaged net, which cannot be scored")


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
