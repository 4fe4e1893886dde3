#!/usr/bin/env python
"""Check jaxnet on this machine's default device (a GPU or TPU where there is one); write one JSON.

    python scripts/device_check.py --out results/device_check.json
    python scripts/device_check.py --quick --out /tmp/check.json   # small shapes, < 2 min on 2 cores

It names the device; runs the verification against the notebook in float64 and float32
(full-precision products); trains the notebook's tuned config (hidden 100, lr 1e-3, reg
0.2, batch 500) for 500 iterations on the CPU and on the default device from the same key
and reports the largest parameter difference and the val accuracy difference; times the
tuned run, the notebook's 24-config grid and one epoch of ``--preset best``'s training on
synthetic CIFAR-shaped data; and measures the device's float32 matmul rate. Exits 1 if a
verification check fails.
"""

import argparse
import sys
from pathlib import Path

import jax

jax.config.update("jax_enable_x64", True)  # before any array exists: float64 verification
jax.config.update("jax_default_matmul_precision", "highest")

import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

import jaxnet  # noqa: E402
from jaxnet import artifacts, config, presets  # noqa: E402
from jaxnet.cli.machine import cpu_name  # noqa: E402
from jaxnet.cli.timing import timed  # noqa: E402
from reference import notebook  # noqa: E402
from verify import jax_checks  # noqa: E402  (scripts/verify.py, beside this file)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout's bench/
from bench.benchmark import matmul_gflops  # noqa: E402

TUNED = dict(learning_rate=1e-3, reg=0.2, batch_size=500)


def synthetic(num_train, num_val, device, seed=0):
    """Random centred rows of CIFAR-10's preprocessed shape, float32, on ``device``."""
    rng = np.random.default_rng(seed)
    X = rng.normal(0.0, 60.0, (num_train + num_val, 3072)).astype(np.float32)
    y = rng.integers(0, 10, num_train + num_val).astype(np.int32)
    put = lambda a: jax.device_put(a, device)
    return put(X[:num_train]), put(y[:num_train]), put(X[num_train:]), put(y[num_train:])


def verification():
    X, y = notebook.init_toy_data()
    results, failures = {}, 0
    for dtype in (jnp.float64, jnp.float32):
        for label, value, tol in jax_checks(X, y, dtype):
            ok = bool(value < tol)
            failures += not ok
            results[f"{jnp.dtype(dtype).name}: {label}"] = {"value": float(value), "tol": tol, "pass": ok}
    return results, failures


def train_on(device, data, num_iters, hidden_size=100, **options):
    """The tuned config from seed 0 on ``device``: (params as NumPy, val accuracy, Timing)."""
    with jax.default_device(device):
        init_key, train_key = jaxnet.seed_keys(0)
        params = jaxnet.init_params(init_key, 3072, hidden_size, 10)
        run = lambda: jaxnet.train(params, *data, key=train_key, num_iters=num_iters, **options)
        run()  # compile
        with timed() as t:
            params, history = run()
            params = jax.device_get(params)
        return params, float(history["val_acc_history"][-1]), t


def cpu_vs_device(device, num_train, num_iters):
    cpu = jax.devices("cpu")[0]
    p_cpu, acc_cpu, _ = train_on(cpu, synthetic(num_train, 1000, cpu), num_iters, **TUNED)
    p_dev, acc_dev, _ = train_on(device, synthetic(num_train, 1000, device), num_iters, **TUNED)
    return {"num_iters": num_iters, "num_train": num_train,
            "max_abs_param_diff": max(float(np.max(np.abs(p_cpu[k] - p_dev[k]))) for k in p_cpu),
            "max_abs_param": max(float(np.max(np.abs(p_cpu[k]))) for k in p_cpu),
            "val_acc_cpu": acc_cpu, "val_acc_device": acc_dev,
            "val_acc_diff": abs(acc_cpu - acc_dev)}


def grid_time(device, data, num_iters):
    grid = presets.NOTEBOOK_GRID
    configs = [dict(hidden_size=h, learning_rate=lr, reg=r) for h in grid["hidden_size"]
               for lr in grid["learning_rate"] for r in grid["reg"]]
    with jax.default_device(device):
        sweep = lambda: jaxnet.sweep(*data, configs, num_iters=num_iters,
                                     batch_size=grid["batch_size"])
        sweep()  # compile
        with timed() as t:
            sweep()
    B, D = grid["batch_size"], 3072
    flops = sum(num_iters * (4 * B * D * c["hidden_size"] + 60 * B * c["hidden_size"])
                for c in configs)
    return {"configs": len(configs), "num_iters": num_iters, "seconds": t.run_s,
            "gflops": flops / t.run_s / 1e9}


def best_epoch_time(device, data):
    """One epoch of --preset best's training (hidden 1000, Nesterov, cosine, flips, crops)."""
    values = presets.values("best")
    options = {k: v for k, v in values.items() if k in config.FIELDS}
    num_iters = data[0].shape[0] // options["batch_size"]
    with jax.default_device(device):
        init_key, train_key = jaxnet.seed_keys(0)
        params = jaxnet.init_params(init_key, 3072, values["hidden_size"], 10, std="he")
        run = lambda: jaxnet.train(params, *data, key=train_key, image_shape=(32, 32, 3),
                                   **dict(options, num_iters=num_iters))
        run()
        with timed() as t:
            jax.block_until_ready(run()[0])
    return {"num_train": data[0].shape[0], "num_iters": num_iters, "seconds": t.run_s,
            f"seconds_for_{values['epochs']}_epochs": t.run_s * values["epochs"]}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="small shapes and few iterations")
    p.add_argument("--out", required=True, help="the JSON file to write")
    args = p.parse_args(argv)
    device = jax.devices()[0]
    num_train, agree_iters, grid_iters, n = ((2000, 50, 5, 512) if args.quick
                                             else (49000, 500, 5000, 4096))
    say = lambda m: print(f"device_check: {m}", file=sys.stderr, flush=True)
    result = {"device": f"{device.platform}: {device.device_kind}", "cpu": cpu_name(),
              "jax_version": jax.__version__, "quick": args.quick}
    say(f"on {result['device']}: verification")
    result["verification"], failures = verification()
    say("matmul rates")
    result["matmul_gflops"] = {p: matmul_gflops(n, precision=p, device=device)
                               for p in ("highest", "default")}
    say("CPU vs device, the tuned config")
    result["cpu_vs_device"] = cpu_vs_device(device, num_train, agree_iters)
    data = synthetic(num_train, 1000, device)
    say("the tuned run")
    tuned_iters = agree_iters if args.quick else 5000  # quick: the program just compiled
    _, _, t = train_on(device, data, tuned_iters, **TUNED)
    result["tuned_run"] = {"num_iters": tuned_iters, "seconds": t.run_s}
    say("the notebook's grid")
    result["grid"] = grid_time(device, data, grid_iters)
    result["grid"]["fraction_of_matmul_rate"] = (result["grid"]["gflops"]
                                                 / result["matmul_gflops"]["highest"])
    say("one epoch of --preset best")
    result["best_one_epoch"] = best_epoch_time(device, data)
    result["verification_failures"] = failures
    artifacts.save_json(args.out, result)
    say(f"wrote {args.out}" + (f"; {failures} verification check(s) FAILED" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
