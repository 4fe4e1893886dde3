"""This checkout against another commit, on the same machine, in alternated rounds.

    git worktree add /tmp/old 7f9e765
    python -m bench.side_by_side --other /tmp/old [--rounds 3] [--out results/side_by_side_cpu.json]

Each round times, in a fresh process per checkout (the order alternating from round to
round), on synthetic data of CIFAR-10's shape: the notebook's tuned run as one program
(``jaxnet.train``), the same with a progress sink (a piece per epoch, drawn between
pieces), and a sweep of the notebook's 24-config grid. Each training call
runs twice, and the second (compiled) call is reported; the sweep once, compilation
included; with each first call, the seconds XLA spent compiling in it (``_compile``, from
``jax.monitoring``). Only ``jaxnet.train`` and ``jaxnet.sweep`` are called, whose
signatures both checkouts share. Prints one JSON object: per checkout and measurement, the
seconds of each round and their median, and this checkout's median over the other's.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.benchmark import environment, matmul_gflops, report, say

HERE = Path(__file__).resolve().parent.parent

# Runs inside the timed process, with the checkout under test first on sys.path.
CHILD = r"""
import json, sys, time
import jax, numpy as np
import jaxnet
from jaxnet import presets
iters, sweep_iters = int(sys.argv[1]), int(sys.argv[2])
rng = np.random.default_rng(0)
X = rng.normal(0.0, 60.0, (50000, 3072)).astype(np.float32)
y = rng.integers(0, 10, 50000).astype(np.int32)
X, y, X_val, y_val = X[:49000], y[:49000], X[49000:], y[49000:]
init_key, train_key = jaxnet.seed_keys(0)
params = jaxnet.init_params(init_key, 3072, 100, 10)
tuned = dict(learning_rate=1e-3, reg=0.2, batch_size=500, num_iters=iters, key=train_key)

compiling = []
jax.monitoring.register_event_duration_secs_listener(
    lambda event, duration, **kw: compiling.append(duration)
    if event == "/jax/core/compile/backend_compile_duration" else None)

def seconds(run):
    start = time.perf_counter()
    jax.block_until_ready(run())
    return time.perf_counter() - start

out = {}
for name, extra in (("tuned_one_program", {}), ("tuned_with_progress", {"progress": lambda i, l: None})):
    run = lambda: jaxnet.train(params, X, y, X_val, y_val, **tuned, **extra)[0]
    compiling.clear()
    out[name + "_first"] = seconds(run)
    out[name + "_compile"] = sum(compiling)
    out[name] = seconds(run)
g = presets.NOTEBOOK_GRID
grid = [dict(hidden_size=h, learning_rate=lr, reg=r) for h in g["hidden_size"]
        for lr in g["learning_rate"] for r in g["reg"]]
compiling.clear()
out["grid_sweep"] = seconds(lambda: [r["params"]["W1"] for r in jaxnet.sweep(
    X, y, X_val, y_val, grid, num_iters=sweep_iters, batch_size=g["batch_size"])])
out["grid_sweep_compile"] = sum(compiling)
print("RESULT " + json.dumps(out))
"""


def measure(checkout, iters, sweep_iters):
    env = dict(os.environ, PYTHONPATH=str(checkout), JAXNET_COMPILE_CACHE="off")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(iters), str(sweep_iters)],
                          env=env, cwd=checkout, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"side_by_side: {checkout} failed:\n{proc.stderr[-2000:]}")
    line = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT "):])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--other", required=True, help="a checkout of the commit to compare with")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--iters", type=int, default=2000, help="the tuned run's iterations")
    p.add_argument("--sweep-iters", type=int, default=300, help="the grid's iterations")
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args(argv)
    trees = {"this": HERE, "other": Path(args.other).resolve()}
    runs = {name: [] for name in trees}
    for r in range(args.rounds):
        for name in (list(trees) if r % 2 == 0 else list(trees)[::-1]):
            say(f"round {r + 1}: {name} ({trees[name]})")
            runs[name].append(measure(trees[name], args.iters, args.sweep_iters))
    keys = list(runs["this"][0])
    seconds = {name: {k: [m[k] for m in ms] for k in keys} for name, ms in runs.items()}
    medians = {name: {k: statistics.median(v) for k, v in s.items()} for name, s in seconds.items()}
    result = {**environment(), "matmul_gflops_2048": matmul_gflops(),
              "other": str(trees["other"]), "other_commit": _commit(trees["other"]),
              "this_commit": _commit(trees["this"]), "tuned_iters": args.iters,
              "grid_iters": args.sweep_iters, "rounds": args.rounds, "seconds": seconds,
              "median_s": medians,
              "this_over_other": {k: (medians["this"][k] / medians["other"][k]
                                     if medians["other"][k] else None) for k in keys}}
    report(result, args.out)


def _commit(tree):
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=tree,
                          capture_output=True, text=True).stdout.strip()


if __name__ == "__main__":
    main()
