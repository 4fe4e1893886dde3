"""Run in a subprocess with several CPU devices; prints a JSON report for test_parallel.

    XLA_FLAGS=--xla_force_host_platform_device_count=4 python tests/multidevice_check.py
"""

import json

import jax

jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

import jaxnet  # noqa: E402


def main():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((64, 12)), rng.integers(0, 4, 64)
    X_val, y_val = X[:16], y[:16]
    params = jaxnet.init_params(jax.random.key(1), 12, 9, 4, std=0.3, dtype=jnp.float64)
    kw = dict(learning_rate=0.2, reg=1e-3, num_iters=30, batch_size=16, key=jax.random.key(2))
    single, h1 = jaxnet.train(params, X, y, X_val, y_val, **kw)
    multi, h4 = jaxnet.train(params, X, y, X_val, y_val, data_parallel=True, **kw)
    report = {
        "devices": jax.device_count(),
        "param_max_abs_diff": max(float(jnp.max(jnp.abs(single[k] - multi[k]))) for k in single),
        "loss_max_abs_diff": float(np.max(np.abs(h1["loss_history"] - h4["loss_history"]))),
        "val_acc_equal": bool(np.allclose(h1["val_acc_history"], h4["val_acc_history"])),
        "params_replicated": all(v.sharding.is_fully_replicated for v in multi.values()),
        "params_devices": len(multi["W1"].sharding.device_set),
    }
    try:
        jaxnet.train(params, X, y, X_val, y_val, data_parallel=True, **dict(kw, batch_size=10))
        report["odd_batch_error"] = None
    except ValueError as err:
        report["odd_batch_error"] = str(err)

    grid = [dict(hidden_size=h, learning_rate=lr, seed=0) for h in (5, 7) for lr in (0.1, 0.2, 0.3)]
    common = dict(num_iters=12, batch_size=8, num_classes=4, std=0.2, dtype=jnp.float64)
    spread = jaxnet.sweep(X, y, X_val, y_val, grid, spread=True, **common)
    alone = jaxnet.sweep(X, y, X_val, y_val, grid, spread=False, **common)
    report["sweep_max_abs_diff"] = max(
        float(np.max(np.abs(a["params"][k] - b["params"][k])))
        for a, b in zip(spread, alone) for k in a["params"])
    report["sweep_count"] = len(spread)
    report.update(cli_runs())
    print("REPORT " + json.dumps(report))


def cli_runs():
    """train_cifar10 with and without --data-parallel on a fake CIFAR-10 folder."""
    import tempfile
    from pathlib import Path

    from fake_cifar import write_fake_cifar10  # this file's folder is on sys.path
    from jaxnet.cli import train_cifar10

    with tempfile.TemporaryDirectory() as tmp:
        write_fake_cifar10(Path(tmp) / "cifar")
        metrics = []
        for extra in ([], ["--data-parallel"]):
            out = Path(tmp) / f"out{len(extra)}"
            train_cifar10.main(["--data-dir", str(Path(tmp) / "cifar"), "--out", str(out),
                                "--num-training", "80", "--num-validation", "20",
                                "--num-test", "10", "--num-iters", "20", "--batch-size", "8",
                                "--hidden-size", "6", "--learning-rate", "1e-3",
                                "--dtype", "float64", "--quiet", *extra])
            metrics.append(json.loads((out / "metrics.json").read_text()))
    one, many = metrics
    return {"cli_loss_max_abs_diff": float(np.max(np.abs(
                np.array(one["history"]["loss_history"]) - many["history"]["loss_history"]))),
            "cli_data_parallel_flag": many["config"]["data_parallel"],
            "cli_device_count": many["device_count"]}


if __name__ == "__main__":
    main()
