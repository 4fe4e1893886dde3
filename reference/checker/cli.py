"""check-two-layer-net: check implementations of the two-layer net exercise, and say what is wrong.

    check-two-layer-net cs231n/classifiers/neural_net.py
    check-two-layer-net submissions/*/ --json results.json --timeout 60
    check-two-layer-net --function my_port.py:two_layer_loss

Exit status: 0 every check passed, 1 a check failed, 2 a file could not be loaded, crashed or
timed out (the other files are still checked), or the command line was refused (nothing checked).
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

PROG = "check-two-layer-net"
COURSE_FILE = "*/classifiers/neural_net.py"


class Parser(argparse.ArgumentParser):
    """Usage errors in one line, exit status 2, like every other refusal."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message}\n")


def positive(kind, what):
    """An argparse type: a number of ``kind`` that is > 0 (``what`` names it in the error)."""
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be {'an integer' if kind is int else 'a number'} > 0, "
                                             f"got {text!r}") from None
        if not value > 0 or value != value:
            raise argparse.ArgumentTypeError(f"{what} must be > 0, got {text!r}")
        return value
    parse.__name__ = kind.__name__
    return parse


def parse_args(argv):
    p = Parser(prog=PROG, description=__doc__.split("\n\n")[0], allow_abbrev=False,
               formatter_class=argparse.RawDescriptionHelpFormatter, epilog="\n\n".join(__doc__.split("\n\n")[1:]))
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help=f"a .py file defining TwoLayerNet, or a folder holding {COURSE_FILE}")
    p.add_argument("--function", action="append", default=[], metavar="MODULE:NAME",
                   help="a plain loss(params, X, y, reg) -> (loss, grads): file.py:name or package.module:name "
                        "(loss and gradient checks only); may be repeated")
    p.add_argument("--json", metavar="FILE", help="also write the results as JSON (every check and a summary)")
    p.add_argument("--junit", metavar="FILE", help="also write JUnit XML: one test case per check")
    p.add_argument("--gradescope", metavar="FILE", help="also write Gradescope's autograder results.json")
    p.add_argument("--points", action="append", default=[], type=points_entry, metavar="CHECK=POINTS",
                   help="a check's max score in --gradescope (default 1 each); may be repeated")
    p.add_argument("--verbose", action="store_true", help="every check on its own line, with its detail")
    p.add_argument("--timeout", type=positive(float, "--timeout"), default=60.0, metavar="SECONDS",
                   help="time limit per file, > 0 (default 60)")
    p.add_argument("--jobs", type=positive(int, "--jobs"), default=None, metavar="N",
                   help="files run at once, >= 1 (default: the machine's cores)")
    p.add_argument("--quiet", action="store_true", help="print only failing files")
    args = p.parse_args(argv)
    if not args.paths and not args.function:
        p.error("give at least one PATH or --function MODULE:NAME")
    outputs = [writable_problem(getattr(args, flag), f"--{flag}") for flag in OUTPUTS]
    for problem in filter(None, outputs + [folder_hint(t) for t in args.paths]):
        p.error(problem)
    args.points = dict(args.points)
    return args


OUTPUTS = {"json": "to_json", "junit": "junit_xml", "gradescope": "gradescope_json"}  # flag -> writer


def points_entry(text):
    """--points CHECK=POINTS -> (check, points >= 0), for a check the checker runs."""
    from reference.checker.formats import CLASS_CHECKS
    name, _, value = text.partition("=")
    if name not in CLASS_CHECKS:
        raise argparse.ArgumentTypeError(f"no check named {name!r} (checks: {', '.join(CLASS_CHECKS)})")
    try:
        points = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give CHECK=POINTS, POINTS a number >= 0") from None
    if not points >= 0 or points == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r}: POINTS must be a number >= 0")
    return name, points


def writable_problem(path, flag):
    """Why ``path`` cannot be written (one line), or None; tried before any check runs."""
    if path is None:
        return None
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        return f"{flag} {path}: is a folder; give a file name"
    if not folder.exists():
        return f"{flag} {path}: the folder {folder} does not exist"
    if not folder.is_dir():
        return f"{flag} {path}: {folder} is not a folder"
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=f".{target.name}-")
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        return f"{flag} {path}: cannot write in {folder} ({e.strerror or e})"
    return None


def folder_hint(path):
    """For a folder that holds no course file itself but whose subfolders do: the fix, in one line."""
    folder = Path(path)
    if not folder.is_dir() or any(folder.glob(COURSE_FILE)):
        return None
    inside = [d for d in sorted(folder.iterdir()) if d.is_dir() and any(d.glob(COURSE_FILE))]
    if not inside:
        return None
    return (f"{path} holds no {COURSE_FILE}, but {len(inside)} of its subfolders do "
            f"(e.g. {inside[0].name}): give them as {Path(path) / '*'}")


def write_atomically(path, text):
    """Write ``text`` to ``path`` through a temporary file beside it, renamed over it when complete."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would create it, not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
            say(report.render(result, verbose=args.verbose) + "\n")

    results = []
    if args.paths:
        results += run.check_many(args.paths, timeout=args.timeout, jobs=args.jobs, on_result=show)
    if args.function:
        results += run.check_many(args.function, function=True, timeout=args.timeout, jobs=args.jobs,
                                  on_result=show)
    counts = [sum(r.status == s for r in results) for s in (0, 1, 2)]
    say(f"{counts[0]} passed, {counts[1]} failed, {counts[2]} could not run")
    return write_outputs(args, results) or report.exit_status(results)


def write_outputs(args, results):
    """Write each output asked for; 2 (and one line) if one cannot be written, else None."""
    from reference.checker import formats, report
    writers = {"to_json": report.to_json, "junit_xml": formats.junit_xml,
               "gradescope_json": lambda rs: formats.gradescope_json(rs, args.points)}
    for flag, writer in OUTPUTS.items():
        path = getattr(args, flag)
        if path is None:
            continue
        try:
            write_atomically(path, writers[writer](results))
        except OSError as e:
            print(f"{PROG}: error: --{flag} {path}: {e.strerror or e}", file=sys.stderr)
            return 2
    return None


if __name__ == "__main__":
    sys.exit(main())
