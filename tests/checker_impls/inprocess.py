"""Check our own test nets in the test process: the observing child's code called directly, then
the judge. For the fast tier: no subprocess, so no isolation (these files are ours)."""

import atexit
import shutil
import tempfile
import time
from pathlib import Path

from reference.checker import judge, observe, run
from reference.checker.report import FileResult


def check_here(path, function=False):
    """The FileResult of one file (or ``file.py:name`` loss function), observed in this process."""
    run.setup_jax()
    with tempfile.TemporaryDirectory(prefix="checker-test-") as out:
        start = time.perf_counter()
        status = observe.main(["--function" if function else "--path", str(path), "--out", out])
        seconds = time.perf_counter() - start
        mode = "function" if function else "class"
        if status != 0:
            return FileResult(str(path), mode, [], Path(out, "load_error.txt").read_text(), seconds)
        checks, findings = judge.judge(judge.Observation(out))
        return FileResult(str(path), mode, checks, None, seconds, findings)


_FOLDER = Path(tempfile.mkdtemp(prefix="checker-nets-"))  # this process's written nets
atexit.register(shutil.rmtree, _FOLDER, True)
_RESULTS = {}


def net_file(name, source):
    """Write a net's source once per process; its path."""
    path = _FOLDER / f"{name}.py"
    if not path.exists():
        path.write_text(source)
    return path


def checked(name, source):
    """The result of checking a net written from ``source``, once per process."""
    if name not in _RESULTS:
        _RESULTS[name] = check_here(net_file(name, source))
    return _RESULTS[name]


def report_shape(result, render):
    """What is wrong with a one-bug report's shape (``render``: report.render): [] when it is at most
    25 lines, starts with a summary of 2 to 5 lines (FAILED, wrong: ..., ..., look first: ...),
    prints each detail once, and never shows a consequence as a FAIL line."""
    lines = render(result).split("\n")
    body = lines[1:]
    head = body[:next((i for i, line in enumerate(body) if line.lstrip().startswith(("FAIL ", "ok "))), len(body))]
    problems = []
    if len(lines) > 25:
        problems.append(f"{len(lines)} lines")
    if not (2 <= len(head) <= 5 and head[0].strip().startswith("FAILED:") and head[1].strip().startswith("wrong: ")
            and head[-1].strip().startswith("look first: ")):
        problems.append("summary: " + " | ".join(head))
    details = [line for line in lines if line.strip().startswith("->")]
    if len(details) != len(set(details)):
        problems.append("a detail repeated")
    problems += [f"consequence {n} as a FAIL line" for n in result.consequences
                 if any(line.strip().startswith(f"FAIL {n} ") for line in lines)]
    return problems
