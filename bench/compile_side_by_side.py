"""XLA compile seconds of the presets' runs, this checkout against another, side by side.

    git worktree add /tmp/old 22afd9f
    python -m bench.compile_side_by_side --other /tmp/old [--rounds 2] [--out FILE]

For each preset (``notebook``, ``tuned``, ``best``), in a fresh process per checkout (the
order alternating from round to round), with JAX's compilation cache off: ``jaxnet.fit``
of the preset on synthetic data of CIFAR-10's shape (49,000 training rows, as
``train-cifar10`` trains), with a progress sink (a piece per epoch, as the program draws
its bar) and without (``--quiet``). Each run is cut to one epoch plus the real run's last
partial epoch, which keeps every program the full run compiles (its pieces' lengths and
where they begin) while training ~1% as long. Reported per run: the seconds XLA spent
compiling the training programs (``/jax/core/compile/backend_compile_duration`` of
``piece`` in either tree) and how many, the same for every program of the call (init,
preprocessing, scoring), and the wall seconds of the call; their medians per checkout
and this checkout's over the other's.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.benchmark import environment, matmul_gflops, report, say
from bench.side_by_side import _commit

HERE = Path(__file__).resolve().parent.parent
PRESETS = ("notebook", "tuned", "best")

CHILD = r"""
import json, sys, time
import jax, numpy as np
import jaxnet
from jaxnet import presets

name, quiet = sys.argv[1], sys.argv[2] == "quiet"
compiles = []
jax.monitoring.register_event_duration_secs_listener(
    lambda event, duration, **kw: compiles.append((kw.get("fun_name", ""), duration))
    if event == "/jax/core/compile/backend_compile_duration" else None)
TRAINING = ("piece", "run_piece", "group_piece")  # the training programs' names, in both trees
recipe = presets.recipe(name)
num_test = presets.values(name).get("num_test", 1000)
c = recipe.config(49000)
ipe = max(49000 // c.batch_size, 1)
recipe = jaxnet.Recipe.of(recipe, epochs=None, num_iters=ipe + c.num_iters % ipe)
rng = np.random.default_rng(0)
def rows(n):
    return rng.normal(0.0, 60.0, (n, 3072)).astype(np.float32), rng.integers(0, 10, n).astype(np.int32)
splits = dict(zip(("X_train", "y_train"), rows(49000)))
splits.update(zip(("X_val", "y_val"), rows(1000)))
splits.update(zip(("X_test", "y_test"), rows(num_test)))
compiles.clear()
start = time.perf_counter()
result = jaxnet.fit(recipe, splits, progress=None if quiet else (lambda i, l: None))
wall = time.perf_counter() - start
training = [s for f, s in compiles if f.removeprefix("jit(").removesuffix(")") in TRAINING]
print("RESULT " + json.dumps({"training_compile_s": sum(training), "training_programs": len(training),
                              "compile_s": sum(s for _, s in compiles), "programs": len(compiles),
                              "wall_s": wall, "num_iters": recipe.training.num_iters}))
"""


def measure(checkout, preset, mode):
    env = dict(os.environ, PYTHONPATH=str(checkout), JAXNET_COMPILE_CACHE="off")
    proc = subprocess.run([sys.executable, "-c", CHILD, preset, mode], env=env, cwd=checkout,
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"compile_side_by_side: {checkout} failed:\n{proc.stderr[-2000:]}")
    line = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT "):])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--other", required=True, help="a checkout of the commit to compare with")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--presets", nargs="+", default=list(PRESETS), choices=PRESETS)
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args(argv)
    trees = {"this": HERE, "other": Path(args.other).resolve()}
    runs = {}
    for r in range(args.rounds):
        for preset in args.presets:
            for mode in ("progress", "quiet"):
                for name in (list(trees) if r % 2 == 0 else list(trees)[::-1]):
                    say(f"round {r + 1}: {preset} {mode} {name}")
                    runs.setdefault(f"{preset}_{mode}", {}).setdefault(name, []).append(
                        measure(trees[name], preset, mode))
    medians = {run: {name: {k: statistics.median(m[k] for m in ms) for k in ms[0]}
                     for name, ms in by_tree.items()} for run, by_tree in runs.items()}
    ratio = {run: {k: m["this"][k] / m["other"][k] for k in ("training_compile_s", "compile_s", "wall_s")}
             for run, m in medians.items()}
    report({**environment(), "matmul_gflops_2048": matmul_gflops(),
            "other": str(trees["other"]), "other_commit": _commit(trees["other"]),
            "this_commit": _commit(trees["this"]), "rounds": args.rounds, "runs": runs,
            "median": medians, "compile_this_over_other": ratio}, args.out)


if __name__ == "__main__":
    main()
