"""One of two cooperating processes (jax.distributed on 127.0.0.1, CPU backend).

    python tests/distributed_check.py PORT PROCESS_ID OUT_JSON

Each process owns 2 CPU devices (4 in all); both run data-parallel training on the same
data and key, and write their local result so the test can compare them with one process.
"""

import json
import os
import sys

os.environ["XLA_FLAGS"] = "--xla_force_host_platform_device_count=2"
os.environ["JAX_PLATFORMS"] = "cpu"

import jax  # noqa: E402

jax.config.update("jax_enable_x64", True)
jax.config.update("jax_cpu_collectives_implementation", "gloo")

import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

import jaxnet  # noqa: E402


def problem():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((64, 12)), rng.integers(0, 4, 64)
    return X, y, X[:16], y[:16]


KW = dict(learning_rate=0.2, reg=1e-3, num_iters=30, batch_size=16)


def train(data_parallel):
    params = jaxnet.init_params(jax.random.key(1), 12, 9, 4, std=0.3, dtype=jnp.float64)
    params, history = jaxnet.train(params, *problem(), key=jax.random.key(2),
                                   data_parallel=data_parallel, **KW)
    return {"W1": np.asarray(params["W1"]).tolist(), "loss": history["loss_history"].tolist(),
            "devices": jax.device_count(), "local_devices": jax.local_device_count(),
            "processes": jax.process_count()}


if __name__ == "__main__":
    if sys.argv[1] == "single":
        result = train(data_parallel=False)
        out = sys.argv[2]
    else:
        port, pid, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        jax.distributed.initialize(coordinator_address=f"127.0.0.1:{port}", num_processes=2,
                                   process_id=pid, initialization_timeout=120)
        result = train(data_parallel=True)
        jax.distributed.shutdown()
    with open(out, "w") as f:
        json.dump(result, f)
