#!/usr/bin/env python
"""Time the notebook grid's programs under XLA:CPU compiler options, side by side; prints JSON.

    python -m bench.xla_options                       # every option in benchmark.XLA_CPU_OPTIONS
    python -m bench.xla_options --only default onednn --programs one_config_hidden_200
    python -m bench.xla_options --set xla_cpu_use_xnnpack=false

Each program is compiled once per option set (``.compile(compiler_options=...)``), then all
are timed in turn, so the comparison survives a machine whose speed drifts. Synthetic data
of CIFAR-10's training shape; "speedup" > 1 means faster than the first option set.
"""

import argparse
import json
import sys

from bench import benchmark


def parse_value(text):
    """'true'/'false' -> bool, an integer -> int, anything else stays a string."""
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    try:
        return int(text)
    except ValueError:
        return text


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", nargs="+", choices=list(benchmark.XLA_CPU_OPTIONS),
                   help="these named option sets (the first is the baseline; default: all)")
    p.add_argument("--set", nargs="+", default=[], metavar="KEY=VALUE",
                   help="add one option set of your own, named 'custom'")
    p.add_argument("--programs", nargs="+", default=["one_config_hidden_100", "sweep_group_hidden_100"],
                   help="one_config_hidden_{100,200} and/or sweep_group_hidden_{100,200}")
    p.add_argument("--num-iters", type=int, default=100, help="steps per timed call")
    p.add_argument("--rounds", type=int, default=3, help="timings of each program in turn")
    p.add_argument("--num-train", type=int, default=49000, help="synthetic training rows")
    args = p.parse_args(argv)

    names = args.only or list(benchmark.XLA_CPU_OPTIONS)
    options = {name: benchmark.XLA_CPU_OPTIONS[name] for name in names}
    if args.set:
        pairs = [item.split("=", 1) for item in args.set]
        if any(len(pair) != 2 for pair in pairs):
            p.error("--set takes KEY=VALUE items")
        options["custom"] = {key: parse_value(value) for key, value in pairs}
    valid = [f"{kind}_hidden_{H}" for kind in ("one_config", "sweep_group")
             for H in benchmark.NOTEBOOK_GRID["hidden_sizes"]]
    unknown = sorted(set(args.programs) - set(valid))
    if unknown:
        p.error(f"unknown programs {unknown}; choose from {valid}")

    device_data = benchmark.to_device(benchmark.synthetic_cifar(args.num_train))
    result = {**benchmark.environment(), "num_iters": args.num_iters, "rounds": args.rounds,
              "options": options,
              "programs": benchmark.compare_compiler_options(
                  device_data, options, args.programs, args.num_iters, args.rounds)}
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
