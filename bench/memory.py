"""Peak memory against a run's length: ``jaxnet.train`` at 1,000 and 1,000,000 iterations.

    python -m bench.memory [--iters 1000 1000000] [--out results/memory_cpu.json]

Each length runs in a fresh child process on synthetic data of CIFAR-10's training shape
(49,000 × 3072 float32, as ``train-cifar10`` holds it), hidden 10 and batch 200 (small, so
that a million iterations take minutes; the minibatch rows are what would grow with the
length); the child's peak resident memory comes from ``os.wait4``. Prints one JSON object.
"""

import argparse
import os
import subprocess
import sys

from bench.benchmark import environment, report

CHILD = """
import sys, numpy as np, jax, jaxnet
rng = np.random.default_rng(0)
X = rng.standard_normal((49000, 3072), dtype=np.float32)
y = rng.integers(0, 10, 49000)
init_key, train_key = jaxnet.seed_keys(0)
params = jaxnet.init_params(init_key, 3072, 10, 10)
params, history = jaxnet.train(params, X, y, X[:1000], y[:1000], key=train_key,
                               num_iters=int(sys.argv[1]), batch_size=200)
jax.block_until_ready(params)
print(len(history["loss_history"]))
"""


def peak_rss_mb(num_iters):
    """(peak resident memory in MB, seconds) of one child training ``num_iters`` steps."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(num_iters)],
                            env=dict(os.environ, JAX_PLATFORMS="cpu"))
    try:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if proc.returncode is None:  # interrupted while waiting
            proc.kill()
            proc.wait()
    if proc.returncode != 0:
        raise RuntimeError(f"the {num_iters}-iteration child failed")
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--iters", type=int, nargs="+", default=[1000, 1000000])
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args(argv)
    runs = {}
    for n in args.iters:
        mb, cpu_s = peak_rss_mb(n)
        runs[str(n)] = {"peak_rss_mb": round(mb, 1), "cpu_s": round(cpu_s, 1)}
        print(f"memory: {n} iterations: {mb:.0f} MB peak", file=sys.stderr, flush=True)
    first, last = (runs[str(n)]["peak_rss_mb"] for n in (args.iters[0], args.iters[-1]))
    report({**environment(), "hidden_size": 10, "batch_size": 200, "runs": runs,
            "growth": last / first - 1}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
