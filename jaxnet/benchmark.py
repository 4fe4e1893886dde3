"""Side-by-side timings: the NumPy reference vs jaxnet, one config at a time vs sweeps.

Everything is measured in one process on synthetic data of CIFAR-10's training shape, so
ratios compare runs on the same machine at the same moment. FLOPs count the products a
training step needs: per iteration 4·B·D·H + 6·B·H·C (the two forward products, the W1
and W2 gradients and the hidden-layer gradient; no gradient with respect to X).
"""

import contextlib
import dataclasses
import os
import statistics
import time

import jax
import jax.numpy as jnp
import numpy as np

import jaxnet
import reference
from jaxnet import profiling, sweeps, training
from jaxnet.timing import timed

NOTEBOOK_RUNS = {
    "default": dict(hidden_size=50, batch_size=200, num_iters=1000, learning_rate=1e-4, reg=0.25),
    "tuned": dict(hidden_size=100, batch_size=500, num_iters=5000, learning_rate=1e-3, reg=0.2),
}
NOTEBOOK_GRID = dict(hidden_sizes=(100, 200), learning_rates=(1e-4, 5e-4, 1e-3),
                     regs=(0.2, 0.25, 0.35, 0.4), num_iters=5000, batch_size=500)


def train_flops(num_iters, batch_size, input_size, hidden_size, num_classes=10):
    """Floating-point operations of num_iters SGD steps (see the module docstring)."""
    B, D, H, C = batch_size, input_size, hidden_size, num_classes
    return num_iters * (4 * B * D * H + 6 * B * H * C)


def matmul_gflops(n=2048, repeats=10, dtype=jnp.float32):
    """This machine's jitted n x n matrix product rate, GFLOP/s (median of ``repeats``)."""
    key_a, key_b = jax.random.split(jax.random.key(0))
    a = jax.random.normal(key_a, (n, n), dtype)
    b = jax.random.normal(key_b, (n, n), dtype)
    product = jax.jit(jnp.matmul)
    product(a, b).block_until_ready()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        product(a, b).block_until_ready()
        times.append(time.perf_counter() - start)
    return 2 * n ** 3 / statistics.median(times) / 1e9


@contextlib.contextmanager
def matmul_rate_around():
    """The matmul rate measured just before and just after the block (the machine is shared
    and its speed drifts, so each timed run is compared with the rate around it):
    ``{"before", "after", "mean"}`` in GFLOP/s, complete after the block."""
    rate = {"before": matmul_gflops()}
    yield rate
    rate["after"] = matmul_gflops()
    rate["mean"] = (rate["before"] + rate["after"]) / 2


def synthetic_cifar(num_train=49000, num_val=1000, input_size=3072, seed=0):
    """Random centred data of CIFAR-10's preprocessed shape (float64, like the notebook's)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, 60.0, (num_train + num_val, input_size))
    y = rng.integers(0, 10, num_train + num_val)
    return X[:num_train], y[:num_train], X[num_train:], y[num_train:]


def to_device(data):
    """The data as float32/int32 device arrays, once (seconds reported by the caller)."""
    X, y, X_val, y_val = data
    arrays = (jnp.asarray(X, jnp.float32), jnp.asarray(y, jnp.int32),
              jnp.asarray(X_val, jnp.float32), jnp.asarray(y_val, jnp.int32))
    return jax.block_until_ready(arrays)


def time_reference(X, y, X_val, y_val, hidden_size, **kwargs):
    """Wall seconds of ``reference.TwoLayerNet.train`` (float64 NumPy)."""
    np.random.seed(0)
    net = reference.TwoLayerNet(X.shape[1], hidden_size, 10)
    start = time.perf_counter()
    net.train(X, y, X_val, y_val, learning_rate_decay=0.95, **kwargs)
    return time.perf_counter() - start


def time_jax(X, y, X_val, y_val, hidden_size, **kwargs):
    """(compile seconds, run seconds) of ``jaxnet.train`` in float32: the first call's
    compile time, and the wall time of a second, already-compiled call."""
    init_key, train_key = jaxnet.seed_keys(0)
    params = jaxnet.init_params(init_key, X.shape[1], hidden_size, 10)
    with timed() as first:
        jaxnet.train(params, X, y, X_val, y_val, key=train_key, **kwargs)
    with timed() as second:
        jaxnet.train(params, X, y, X_val, y_val, key=train_key, **kwargs)
    return first.compile_s, second.wall_s


def notebook_run(name, data, device_data, scale=1.0):
    """The reference (NumPy float64 arrays) vs jaxnet (float32 device arrays) on one of the
    notebook's runs."""
    run = dict(NOTEBOOK_RUNS[name])
    run["num_iters"] = max(1, round(run["num_iters"] * scale))
    flops = train_flops(run["num_iters"], run["batch_size"], data[0].shape[1], run["hidden_size"])
    numpy_s = time_reference(*data, **run)
    with matmul_rate_around() as rate:
        compile_s, jax_s = time_jax(*device_data, **run)
    return {
        **run, "numpy_float64_s": numpy_s, "jax_float32_s": jax_s, "jax_compile_s": compile_s,
        "speedup_vs_numpy": numpy_s / jax_s, "jax_gflops": flops / jax_s / 1e9,
        "matmul_gflops_before_after": [rate["before"], rate["after"]],
        "fraction_of_matmul_rate": flops / jax_s / 1e9 / rate["mean"],
    }


def notebook_sweep(device_data, scale=1.0):
    """The notebook's 24-config grid: ``jaxnet.train`` per config vs one ``jaxnet.sweep``."""
    grid = NOTEBOOK_GRID
    num_iters = max(1, round(grid["num_iters"] * scale))
    X, y, X_val, y_val = device_data
    configs = [dict(hidden_size=h, learning_rate=lr, reg=r, seed=0)
               for h in grid["hidden_sizes"] for lr in grid["learning_rates"] for r in grid["regs"]]
    flops = sum(train_flops(num_iters, grid["batch_size"], X.shape[1], c["hidden_size"])
                for c in configs)
    common = dict(num_iters=num_iters, batch_size=grid["batch_size"])

    with timed() as one_by_one:
        for c in configs:
            init_key, train_key = jaxnet.seed_keys(c["seed"])
            params = jaxnet.init_params(init_key, X.shape[1], c["hidden_size"], 10)
            jaxnet.train(params, X, y, X_val, y_val, learning_rate=c["learning_rate"],
                         reg=c["reg"], key=train_key, **common)
    with matmul_rate_around() as rate, timed() as swept:
        jaxnet.sweep(X, y, X_val, y_val, configs, **common)
    one_s, sweep_s = one_by_one.run_s, swept.run_s
    return {
        "configs": len(configs), "num_iters": num_iters, "batch_size": grid["batch_size"],
        "tflop": flops / 1e12,
        "one_at_a_time_s": one_s, "one_at_a_time_compile_s": one_by_one.compile_s,
        "sweep_s": sweep_s, "sweep_compile_s": swept.compile_s,
        "speedup": one_s / sweep_s,
        "one_at_a_time_gflops": flops / one_s / 1e9, "sweep_gflops": flops / sweep_s / 1e9,
        "matmul_gflops_before_after_sweep": [rate["before"], rate["after"]],
        "sweep_fraction_of_matmul_rate": flops / sweep_s / 1e9 / rate["mean"],
    }


def _breakdown(profile, flops, num_iters):
    """Shares of a profiled call's device time, and the products' own rate."""
    seconds = profile["seconds"]
    total = sum(seconds.values())
    return {
        "ms_per_step": profile["wall_s"] / num_iters * 1e3,
        "share_products": seconds["products"] / total,
        "share_first_layer_weight_passes": seconds["large"] / total,
        "share_other": seconds["other"] / total,
        "products_gflops": flops / seconds["products"] / 1e9,
        "costliest_non_products": [
            {"op": name, "does": does, "shape": shape, "ms_per_step": s / num_iters * 1e3}
            for name, does, shape, s, _ in profile["top"][:5]],
    }


def profile_notebook_sweep(device_data, num_iters=196):
    """Where the time goes in the notebook's grid (``jaxnet.profiling``), per step, side by
    side: one config alone and one sweep group (its 12 configs) per hidden size.

    "products" are matrix products (their GFLOP/s counts the training FLOPs only, so the
    epoch-boundary accuracy products make it a slight underestimate); "first layer weight
    passes" are the other operations that read or write an array the size of the first
    layer's weights (all configs'). Derived: ``sweep_speedup`` (the grid's profiled step
    time one config at a time over the sweep's) and ``sweep_speedup_if_only_products``
    (the same, had the sweep's steps been nothing but its products).
    """
    X, y, X_val, y_val = device_data
    D, grid = X.shape[1], NOTEBOOK_GRID
    configs = [training.hyperparams(learning_rate=lr, reg=r)
               for lr in grid["learning_rates"] for r in grid["regs"]]
    K = len(configs)
    alone = training.make_recipe(X.shape[0], D, num_iters=num_iters, batch_size=grid["batch_size"])
    swept = dataclasses.replace(alone, stop_on_divergence=False)
    hp_alone = {k: jnp.asarray(v, X.dtype) for k, v in configs[-1].items()}
    hp_swept = sweeps.stack_hyperparams(configs, X.dtype)
    init_key, train_key = jaxnet.seed_keys(0)
    out = {"iterations_profiled": num_iters}
    one_at_a_time_ms = sweep_ms = sweep_products_ms = 0.0
    for H in grid["hidden_sizes"]:
        flops = train_flops(num_iters, grid["batch_size"], D, H)
        params = jaxnet.init_params(init_key, D, H, 10)
        one = _breakdown(profiling.op_times(
            training.train_from_key, (params, X, y, X_val, y_val, train_key, hp_alone),
            {"recipe": alone}, large_size=D * H), flops, num_iters)
        group = _breakdown(profiling.op_times(
            sweeps.train_group, (X, y, X_val, y_val, jax.random.key(0), hp_swept),
            {"recipe": swept, "hidden_size": H, "num_classes": 10, "std": 1e-4},
            large_size=K * D * H), K * flops, num_iters)
        out[f"one_config_hidden_{H}"] = one
        out[f"sweep_group_hidden_{H}"] = {"configs": K, **group}
        one_at_a_time_ms += K * one["ms_per_step"]
        sweep_ms += group["ms_per_step"]
        sweep_products_ms += group["ms_per_step"] * group["share_products"]
    out["sweep_speedup"] = one_at_a_time_ms / sweep_ms
    out["sweep_speedup_if_only_products"] = one_at_a_time_ms / sweep_products_ms
    return out


def environment():
    device = jax.devices()[0]
    return {"device": f"{device.platform}: {device.device_kind}", "device_count": jax.device_count(),
            "jax_version": jax.__version__, "cpu_count": os.cpu_count()}


def run_all(scale=1.0, num_train=49000, num_val=1000, sweep=True, profile=True):
    """Every measurement, in one process; returns a JSON-ready dict."""
    peak = matmul_gflops()
    data = synthetic_cifar(num_train, num_val)
    start = time.perf_counter()
    device_data = to_device(data)
    result = {**environment(), "iteration_scale": scale, "num_train": num_train,
              "matmul_2048_gflops": peak,
              "jax_data_to_device_s": time.perf_counter() - start}
    for name in NOTEBOOK_RUNS:
        result[name] = notebook_run(name, data, device_data, scale)
    if sweep:
        result["sweep"] = notebook_sweep(device_data, scale)
    if profile:
        result["profile"] = profile_notebook_sweep(device_data, max(20, round(196 * min(scale, 1.0))))
    result["matmul_2048_gflops_after"] = matmul_gflops()  # drift on a shared machine
    return result
