"""check-two-layer-net: check implementations of the two-layer net exercise, and say what is wrong.

    check-two-layer-net cs231n/classifiers/neural_net.py
    check-two-layer-net submissions/*/ --json results.json --timeout 60
    check-two-layer-net --function my_port.py:two_layer_loss

Exit status: 0 every check passed, 1 a check failed, 2 a file could not be loaded, crashed or
timed out (the other files are still checked).
"""

import argparse
import os
import sys
from pathlib import Path


def parse_args(argv):
    p = argparse.ArgumentParser(prog="check-two-layer-net", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="a .py file defining TwoLayerNet, or a folder holding */classifiers/neural_net.py")
    p.add_argument("--function", action="append", default=[], metavar="MODULE:NAME",
                   help="a plain loss(params, X, y, reg) -> (loss, grads): file.py:name or package.module:name "
                        "(loss and gradient checks only); may be repeated")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON, for autograders")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="time limit per file (default 60)")
    p.add_argument("--jobs", type=int, default=None, help="files run at once (default: the machine's cores)")
    p.add_argument("--quiet", action="store_true", help="print only failing files")
    args = p.parse_args(argv)
    if not args.paths and not args.function:
        p.error("give at least one PATH or --function MODULE:NAME")
    return args


def say(text):
    try:
        print(text, flush=True)
    except BrokenPipeError:  # `| head`: stop printing, keep checking
        sys.stdout = open(os.devnull, "w")


def main(argv=None):
    args = parse_args(argv)
    from reference.checker import report, run

    def show(result):
        if not (args.quiet and result.passed):
            say(report.render(result) + "\n")

    results = []
    if args.paths:
        results += run.check_many(args.paths, timeout=args.timeout, jobs=args.jobs, on_result=show)
    if args.function:
        results += run.check_many(args.function, function=True, timeout=args.timeout, jobs=args.jobs,
                                  on_result=show)
    counts = [sum(r.status == s for r in results) for s in (0, 1, 2)]
    say(f"{counts[0]} passed, {counts[1]} failed, {counts[2]} could not run")
    if args.json:
        Path(args.json).write_text(report.to_json(results))
    return report.exit_status(results)


if __name__ == "__main__":
    sys.exit(main())
