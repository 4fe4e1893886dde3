"""Side-by-side timings: the NumPy reference vs jaxnet, one config at a time vs sweeps.

Everything is measured in one process on synthetic data of CIFAR-10's training shape, so
ratios compare runs on the same machine at the same moment. FLOPs count the products a
training step needs: per iteration 4·B·D·H + 6·B·H·C (the two forward products, the W1
and W2 gradients and the hidden-layer gradient; no gradient with respect to X).
"""

import contextlib
import dataclasses
import json
import os
import statistics
import sys
import time

import jax
import jax.numpy as jnp
import numpy as np

import jaxnet
import reference
from bench import profiling
from jaxnet import artifacts, loop, presets
from jaxnet.cli.machine import cpu_name
from jaxnet.cli.timing import timed

NOTEBOOK_RUNS = {
    "default": dict(hidden_size=50, batch_size=200, num_iters=1000, learning_rate=1e-4, reg=0.25),
    "tuned": dict(hidden_size=100, batch_size=500, num_iters=5000, learning_rate=1e-3, reg=0.2),
}
NOTEBOOK_GRID = dict(hidden_sizes=presets.NOTEBOOK_GRID["hidden_size"],
                     learning_rates=presets.NOTEBOOK_GRID["learning_rate"],
                     regs=presets.NOTEBOOK_GRID["reg"],
                     num_iters=presets.NOTEBOOK_GRID["num_iters"],
                     batch_size=presets.NOTEBOOK_GRID["batch_size"])


def train_flops(num_iters, batch_size, input_size, hidden_size, num_classes=10):
    """Floating-point operations of num_iters SGD steps (see the module docstring)."""
    B, D, H, C = batch_size, input_size, hidden_size, num_classes
    return num_iters * (4 * B * D * H + 6 * B * H * C)


def matmul_gflops(n=2048, repeats=10, dtype=jnp.float32, precision=None, device=None):
    """The jitted n x n matrix product rate of ``device`` (default: JAX's), GFLOP/s (median
    of ``repeats``), at ``precision`` (None: JAX's default for the dtype)."""
    key_a, key_b = jax.random.split(jax.random.key(0))
    a = jax.device_put(jax.random.normal(key_a, (n, n), dtype), device)
    b = jax.device_put(jax.random.normal(key_b, (n, n), dtype), device)
    product = jax.jit(lambda a, b: jnp.matmul(a, b, precision=precision))
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
    ``{"before", "after", "mean", "max"}`` in GFLOP/s, complete after the block.

    Fractions of the matmul rate divide by "max", the higher of the two, so that a slow
    moment during a measurement of the reference does not inflate them. They can still
    exceed 1 where the timed program's products run faster than a lone 2048^2 product
    (a sweep's wide products can), or where the machine sped up during the timed run."""
    rate = {"before": matmul_gflops()}
    yield rate
    rate["after"] = matmul_gflops()
    rate["mean"] = (rate["before"] + rate["after"]) / 2
    rate["max"] = max(rate["before"], rate["after"])


def report(result, out=None):
    """Print ``result`` as JSON on stdout, and write it to ``out`` (atomically) if given."""
    print(json.dumps(result, indent=2))
    if out:
        artifacts.save_json(out, result)


def say(message):
    """Progress on stderr (the JSON result goes to stdout)."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


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
    """A function returning the wall seconds of one already-compiled ``jaxnet.train`` run in
    float32, and the first call's seconds of tracing and compiling (made here)."""
    init_key, train_key = jaxnet.seed_keys(0)
    params = jaxnet.init_params(init_key, X.shape[1], hidden_size, 10)

    def run():
        with timed() as t:
            jaxnet.train(params, X, y, X_val, y_val, key=train_key, **kwargs)
        return t

    first = run()
    return run, first.trace_s + first.compile_s


def notebook_run(name, data, device_data, scale=1.0, rounds=3):
    """The reference (NumPy float64 arrays) vs jaxnet (float32 device arrays) on one of the
    notebook's runs, timed in turn ``rounds`` times; the medians, and the median of each
    round's ratios (neighbouring measurements, so drift cancels best)."""
    run = dict(NOTEBOOK_RUNS[name])
    run["num_iters"] = max(1, round(run["num_iters"] * scale))
    flops = train_flops(run["num_iters"], run["batch_size"], data[0].shape[1], run["hidden_size"])
    jax_run, compile_s = time_jax(*device_data, **run)
    numpy_s, jax_s, rates = [], [], []
    for _ in range(rounds):
        numpy_s.append(time_reference(*data, **run))
        with matmul_rate_around() as rate:
            jax_s.append(jax_run().wall_s)
        rates.append(rate)
    med = statistics.median
    return {
        **run, "rounds": rounds, "numpy_float64_s": med(numpy_s), "jax_float32_s": med(jax_s),
        "jax_compile_s": compile_s,
        "speedup_vs_numpy": med(n / j for n, j in zip(numpy_s, jax_s)),
        "jax_gflops": flops / med(jax_s) / 1e9,
        "fraction_of_matmul_rate": med(flops / j / 1e9 / r["max"] for j, r in zip(jax_s, rates)),
        "per_round": {"numpy_float64_s": numpy_s, "jax_float32_s": jax_s,
                      "matmul_gflops_before_after": [[r["before"], r["after"]] for r in rates]},
    }


def notebook_sweep(device_data, scale=1.0):
    """The notebook's 24-config grid: ``jaxnet.train`` per config vs ``jaxnet.sweep``, one
    hidden size at a time (each hidden size is one sweep group either way), so the two are
    timed close together."""
    grid = NOTEBOOK_GRID
    num_iters = max(1, round(grid["num_iters"] * scale))
    X, y, X_val, y_val = device_data
    common = dict(num_iters=num_iters, batch_size=grid["batch_size"])
    one_s = sweep_s = one_compile_s = sweep_compile_s = flops = 0.0
    per_group = {}
    for H in grid["hidden_sizes"]:
        say(f"the grid's hidden-{H} configs, one at a time and as one sweep")
        configs = [dict(hidden_size=H, learning_rate=lr, reg=r, seed=0)
                   for lr in grid["learning_rates"] for r in grid["regs"]]
        group_flops = len(configs) * train_flops(num_iters, grid["batch_size"], X.shape[1], H)
        with timed() as one_by_one:
            for c in configs:
                init_key, train_key = jaxnet.seed_keys(c["seed"])
                params = jaxnet.init_params(init_key, X.shape[1], H, 10)
                jaxnet.train(params, X, y, X_val, y_val, learning_rate=c["learning_rate"],
                             reg=c["reg"], key=train_key, **common)
        with matmul_rate_around() as rate, timed() as swept:
            jaxnet.sweep(X, y, X_val, y_val, configs, **common)
        per_group[f"hidden_{H}"] = {
            "configs": len(configs), "one_at_a_time_s": one_by_one.run_s,
            "sweep_s": swept.run_s, "speedup": one_by_one.run_s / swept.run_s,
            "sweep_fraction_of_matmul_rate": group_flops / swept.run_s / 1e9 / rate["max"],
            "matmul_gflops_before_after_sweep": [rate["before"], rate["after"]]}
        one_s += one_by_one.run_s
        sweep_s += swept.run_s
        one_compile_s += one_by_one.trace_s + one_by_one.compile_s
        sweep_compile_s += swept.trace_s + swept.compile_s
        flops += group_flops
    top_rate = max(r for g in per_group.values() for r in g["matmul_gflops_before_after_sweep"])
    return {
        "configs": sum(g["configs"] for g in per_group.values()), "num_iters": num_iters,
        "batch_size": grid["batch_size"], "tflop": flops / 1e12,
        "one_at_a_time_s": one_s, "one_at_a_time_compile_s": one_compile_s,
        "sweep_s": sweep_s, "sweep_compile_s": sweep_compile_s,
        "speedup": one_s / sweep_s,
        "one_at_a_time_gflops": flops / one_s / 1e9, "sweep_gflops": flops / sweep_s / 1e9,
        "sweep_fraction_of_matmul_rate": flops / sweep_s / 1e9 / top_rate,
        "per_hidden_size": per_group,
    }


def _breakdown(profile, flops, num_iters):
    """A profiled call's step time split by category, as shares of its wall time.

    "untraced" is wall time that no operation's trace event covers: scheduling between
    operations, and the tail of XLA:CPU's plain (Eigen) ``dot``, which can finish after its
    event ends. The products' GFLOP/s counts that time as theirs, so it is a lower bound.
    """
    seconds, wall = profile["seconds"], profile["wall_s"]
    not_products = seconds["large"] + seconds["other"]
    return {
        "ms_per_step": wall / num_iters * 1e3,
        "share_products": seconds["products"] / wall,
        "share_first_layer_weight_passes": seconds["large"] / wall,
        "share_other": seconds["other"] / wall,
        "share_untraced": 1 - sum(seconds.values()) / wall,
        "products_gflops_at_least": flops / (wall - not_products) / 1e9,
        "costliest_non_products": [
            {"op": name, "does": does, "shape": shape, "ms_per_step": s / num_iters * 1e3}
            for name, does, shape, s, _ in profile["top"][:5]],
    }


def grid_programs(device_data, num_iters):
    """The notebook grid's pieces as programs to compile: for each hidden size, one config
    alone and one sweep group (its 12 configs), ``num_iters`` steps each.

    Returns {name: (jitted fn, args, static args, training FLOPs of one call, size of the
    program's first-layer weights)}.
    """
    X, y, X_val, y_val = device_data
    D, grid = X.shape[1], NOTEBOOK_GRID
    configs = [jaxnet.Config(learning_rate=lr, reg=r, num_iters=num_iters,
                             batch_size=grid["batch_size"])
               for lr in grid["learning_rates"] for r in grid["regs"]]
    K = len(configs)
    alone = loop.make_plan(configs[-1:], X.shape[0], D)
    swept = dataclasses.replace(alone, stop_on_divergence=False)
    hp_alone = loop.traced_values(configs[-1], X.dtype)
    hp_swept = loop.traced_values(configs, X.dtype)
    data = loop.Data(X, y, X_val, y_val)
    init_key, train_key = jaxnet.seed_keys(0)
    minibatches = jax.random.split(train_key)
    static = {"length": num_iters}
    bounds = (jnp.int32(0), jnp.int32(num_iters))
    programs = {}
    for H in grid["hidden_sizes"]:
        flops = train_flops(num_iters, grid["batch_size"], D, H)
        params = jaxnet.init_params(init_key, D, H, 10)
        programs[f"one_config_hidden_{H}"] = (
            loop.piece, (loop.init_state(params, hp_alone, alone), data, tuple(minibatches),
                         *bounds, hp_alone), {"plan": alone, **static}, flops, D * H)
        states = jax.vmap(lambda hp1: loop.init_state(params, hp1, swept))(hp_swept)
        programs[f"sweep_group_hidden_{H}"] = (
            loop.group_piece, (states, data, tuple(minibatches), *bounds, hp_swept),
            {"plan": swept, **static}, K * flops, K * D * H)
    return programs


def profile_notebook_sweep(device_data, num_iters=196, rounds=3):
    """Where the time goes in the notebook's grid (``bench.profiling``), per step, side by
    side: one config alone and one sweep group (its 12 configs) per hidden size, traced in
    turn ``rounds`` times; each program's figures are from its median round.

    "products" are matrix products (their GFLOP/s counts the training FLOPs only, so the
    epoch-boundary accuracy products make it a slight underestimate); "first layer weight
    passes" are the other operations that read or write an array the size of the first
    layer's weights (all configs'); see ``_breakdown`` for "untraced". Derived, per round
    and then the median: ``sweep_speedup`` (the grid's profiled step time one config at a
    time over the sweep's) and ``sweep_speedup_if_only_products`` (the same, had the
    sweep's steps been nothing but its products and its untraced time).
    """
    K = len(NOTEBOOK_GRID["learning_rates"]) * len(NOTEBOOK_GRID["regs"])
    programs = {name: (profiling.Profiler(fn, args, static, large_size), flops)
                for name, (fn, args, static, flops, large_size)
                in grid_programs(device_data, num_iters).items()}

    runs = {name: [] for name in programs}
    speedups, ceilings = [], []
    for _ in range(rounds):
        this = {name: _breakdown(profiler(), flops, num_iters)
                for name, (profiler, flops) in programs.items()}
        for name, b in this.items():
            runs[name].append(b)
        one = sum(K * b["ms_per_step"] for n, b in this.items() if n.startswith("one_"))
        group = [(b, programs[n][1]) for n, b in this.items() if n.startswith("sweep_")]
        speedups.append(one / sum(b["ms_per_step"] for b, _ in group))
        ceilings.append(one / sum(f / num_iters / b["products_gflops_at_least"] / 1e6
                                  for b, f in group))
    out = {"iterations_profiled": num_iters, "rounds": rounds}
    for name, bs in runs.items():
        out[name] = sorted(bs, key=lambda b: b["ms_per_step"])[len(bs) // 2]
        if name.startswith("sweep_"):
            out[name] = {"configs": K, **out[name]}
    out["sweep_speedup"] = statistics.median(speedups)
    out["sweep_speedup_if_only_products"] = statistics.median(ceilings)
    out["sweep_speedup_if_only_products_per_round"] = ceilings
    return out


# XLA:CPU options that might speed these programs up, for ``compare_compiler_options``.
# Experimental ones may be renamed or dropped by a later jaxlib (then reported, not run).
XLA_CPU_OPTIONS = {
    "default": {},
    "ynn_dots": {"xla_cpu_experimental_ynn_fusion_type": "LIBRARY_FUSION_TYPE_DOT"},
    "ynn_dots_eltwise_reduce": {"xla_cpu_experimental_ynn_fusion_type":
                                "LIBRARY_FUSION_TYPE_DOT,LIBRARY_FUSION_TYPE_ELTWISE,"
                                "LIBRARY_FUSION_TYPE_REDUCE"},
    "xnn_dots": {"xla_cpu_experimental_xnn_fusion_type": "LIBRARY_FUSION_TYPE_DOT"},
    "xnn_graph_fusion": {"xla_cpu_experimental_xnn_graph_fusion_mode":
                         "XNN_GRAPH_FUSION_MODE_GREEDY"},
    "onednn": {"xla_cpu_use_onednn": True},
    "vector_width_512": {"xla_cpu_prefer_vector_width": 512},
    "no_xnnpack": {"xla_cpu_use_xnnpack": False},
    "region_copy_insertion": {"xla_cpu_copy_insertion_use_region_analysis": True},
}


def compare_compiler_options(device_data, options, programs=("one_config_hidden_100",
                             "sweep_group_hidden_100"), num_iters=100, rounds=3):
    """Each of the grid's ``programs`` (see ``grid_programs``) compiled once per entry of
    ``options`` ({name: XLA compiler options}, the first the baseline), then all timed in
    turn ``rounds`` times.

    Returns {program: {option name: {"ms_per_step" (median), "per_round_ms", "speedup"
    (median per-round ratio of the baseline's time to this one's), "max_abs_diff" (the
    largest difference of any output from the baseline's)}, or {"error": why}}} for an
    option this jaxlib refuses.
    """
    available = grid_programs(device_data, num_iters)
    out = {}
    for program in programs:
        fn, args, static, _, _ = available[program]
        compiled, results = {}, {}
        for name, opts in options.items():
            try:
                compiled[name] = fn.lower(*args, **static).compile(compiler_options=opts)
            except jax.errors.JaxRuntimeError as e:  # an option this jaxlib does not know
                results[name] = {"error": str(e).splitlines()[0]}
        outputs = {name: jax.device_get(c(*args)) for name, c in compiled.items()}  # warm
        seconds = {name: [] for name in compiled}
        for _ in range(rounds):
            for name, c in compiled.items():
                start = time.perf_counter()
                jax.block_until_ready(c(*args))
                seconds[name].append(time.perf_counter() - start)
        base = next(iter(compiled))
        for name in compiled:
            results[name] = {
                "ms_per_step": statistics.median(seconds[name]) / num_iters * 1e3,
                "per_round_ms": [t / num_iters * 1e3 for t in seconds[name]],
                "speedup": statistics.median(b / t for b, t in zip(seconds[base], seconds[name])),
                "max_abs_diff": max(
                    float(np.max(np.abs(np.asarray(a, float) - np.asarray(b, float))))
                    for a, b in zip(jax.tree.leaves(outputs[name]), jax.tree.leaves(outputs[base]))),
            }
        out[program] = {name: results[name] for name in options}
    return out


def environment():
    device = jax.devices()[0]
    return {"device": f"{device.platform}: {device.device_kind}", "device_count": jax.device_count(),
            "cpu": cpu_name(), "jax_version": jax.__version__, "cpu_count": os.cpu_count()}


def run_all(scale=1.0, num_train=49000, num_val=1000, sweep=True, profile=True):
    """Every measurement, in one process; returns a JSON-ready dict. Timings that are
    compared are repeated in turn 3 times (once when ``scale`` < 1, a quick look)."""
    rounds = 3 if scale >= 1 else 1
    say(f"iterations scaled by {scale:g}, {rounds} round(s) of each comparison")
    peak = matmul_gflops()
    data = synthetic_cifar(num_train, num_val)
    start = time.perf_counter()
    device_data = to_device(data)
    result = {**environment(), "iteration_scale": scale, "num_train": num_train,
              "matmul_2048_gflops": peak,
              "jax_data_to_device_s": time.perf_counter() - start}
    for name in NOTEBOOK_RUNS:
        say(f"the notebook's {name} run: NumPy reference vs jaxnet")
        result[name] = notebook_run(name, data, device_data, scale, rounds)
    if sweep:
        result["sweep"] = notebook_sweep(device_data, scale)
    if profile:
        say("profiling the grid's programs")
        result["profile"] = profile_notebook_sweep(
            device_data, max(20, round(196 * min(scale, 1.0))), rounds)
    result["matmul_2048_gflops_after"] = matmul_gflops()  # drift on a shared machine
    return result
