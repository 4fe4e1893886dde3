#!/usr/bin/env python
"""Benchmark jaxnet against the NumPy reference; prints one JSON object.

    python -m bench            # the notebook's full runs (about 20 minutes on 2 cores)
    python -m bench --quick    # iterations scaled by 1/50, timed once (under a minute)

It also profiles the notebook's grid (where each step's time goes; ``--no-profile`` skips it).
"""

import argparse
import sys

from bench import benchmark


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="scale every run's iterations by 1/50")
    p.add_argument("--scale", type=float, default=None, help="iteration scale (overrides --quick)")
    p.add_argument("--num-train", type=int, default=49000, help="synthetic training rows")
    p.add_argument("--no-sweep", action="store_true", help="skip the 24-config sweep")
    p.add_argument("--no-profile", action="store_true",
                   help="skip the per-operation profile of the tuned run and the sweep groups")
    p.add_argument("--out", help="also write the JSON to this file")
    args = p.parse_args(argv)
    scale = args.scale if args.scale is not None else (0.02 if args.quick else 1.0)
    result = benchmark.run_all(scale, num_train=args.num_train, sweep=not args.no_sweep,
                                profile=not args.no_profile)
    benchmark.report(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
