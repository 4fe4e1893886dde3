"""Successive halving against the full grid on CIFAR-10, side by side on one machine.

    python -m bench.halving --data-dir PATH/cifar-10-batches-py [--out results/halving_cpu.json]

Runs, one after the other in one process: the notebook's grid trained to the end
(``sweep-cifar10``), the same grid with ``--search halving``, and random searches of 64
configs over wider ranges with halving (``--only`` picks some). Reports each one's wall time, trained iterations
and best val accuracy, and the targets' ratios.
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from bench.benchmark import environment, matmul_gflops, report
from jaxnet.cli import sweep_cifar10

RANDOM = ["--random", "64", "--learning-rates", "1e-4", "3e-3", "--regs", "1e-3", "1",
          "--learning-rate-decays", "0.9", "0.99", "--hidden-sizes", "100", "200", "400"]
WIDER = ["--random", "64", "--learning-rates", "5e-4", "5e-3", "--regs", "1e-3", "0.3",
         "--learning-rate-decays", "0.9", "0.99", "--hidden-sizes", "200", "400"]
# Wider still, a quarter kept at each rung, and no rung under 3 epochs (64 -> 16 -> 4).
WIDEST = ["--random", "64", "--learning-rates", "3e-4", "5e-3", "--regs", "1e-3", "1",
          "--learning-rate-decays", "0.88", "0.98", "--hidden-sizes", "200", "400",
          "--eta", "4", "--min-epochs", "3"]
SEARCHES = {"grid": [], "grid_halving": ["--search", "halving"],
            "random_64_halving": [*RANDOM, "--search", "halving"],
            "random_64_halving_larger": [*WIDER, "--search", "halving"],
            "random_64_halving_eta4": [*WIDEST, "--search", "halving"]}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data-dir", required=True)
    p.add_argument("--only", nargs="+", choices=list(SEARCHES), default=list(SEARCHES))
    p.add_argument("--grid-from", help="a JSON this wrote earlier, for the grid's figures")
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args(argv)
    result = {**environment(), "matmul_2048_gflops": matmul_gflops(), "searches": {}}
    for name in args.only:
        out = Path(tempfile.mkdtemp()) / name
        start = time.perf_counter()
        sweep_cifar10.main(["--data-dir", args.data_dir, "--out", str(out), "--quiet",
                            "--no-compile-cache", *SEARCHES[name]])
        wall = time.perf_counter() - start
        s = json.loads((out / "sweep.json").read_text())
        result["searches"][name] = {
            "flags": SEARCHES[name], "wall_s": wall, "configs": len(s["results"]),
            "trained_iterations": sum(r.get("iterations") or 5000 for r in s["results"]),
            "best": s["best"]}
        print(f"halving: {name}: {wall:.0f} s, best val {s['best']['val_acc']:.4f}",
              file=sys.stderr, flush=True)
    found = result["searches"]
    if args.grid_from and "grid" not in found:
        found["grid"] = json.loads(Path(args.grid_from).read_text())["searches"]["grid"]
    if "grid" in found:
        grid = found["grid"]
        for name, r in found.items():
            r["wall_vs_grid"] = r["wall_s"] / grid["wall_s"]
            r["iterations_vs_grid"] = r["trained_iterations"] / grid["trained_iterations"]
            r["val_points_vs_grid_best"] = 100 * (r["best"]["val_acc"] - grid["best"]["val_acc"])
    report(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
