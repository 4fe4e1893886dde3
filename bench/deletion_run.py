"""Running bench.deletion's mutants of the modules that share a row of tests: a first run of
the row under coverage (which tests execute which line of each module, and how long each
test takes), then each mutant against the tests that execute its lines. Every process runs
at nice 19; mutants run one at a time, or ``jobs`` at once in copies of the module's folder."""

import contextlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import mutation

WORK = mutation.WORK / "deletion"
XLA_CACHE = WORK / "xla-cache"  # one compilation cache for every process of a run
# One process per mutant, without the suite's addopts (-n 2, the README's blocks).
PYTEST = ["-m", "pytest", "-x", "-q", "-p", "no:xdist", "-o", "addopts=", "-p", "no:cacheprovider",
          "-p", "tests.mutation_plugin"]
# pytest's exit statuses: 1 a test failed, 2 interrupted (the mutant fails at import, say),
# 3 an internal error; 4 (usage) and 5 (no tests collected) are this tool's own faults.
STATUS = {0: "survived", 1: "killed", 2: "killed", 3: "killed", 4: "error", 5: "error"}


def clear_cache():
    """Empty the compilation cache: a run's time includes its compilations."""
    shutil.rmtree(XLA_CACHE, ignore_errors=True)


def status(code, log=""):
    """A mutant's status from its tests' exit status (None: stopped at the time limit; a
    negative status, a crash by a signal, kills it) and their output: a usage error because the
    conftest or a test module no longer imports under the mutant kills it too."""
    if code is None:
        return "timeout"
    if code == 4 and (CONFTEST_FAILED in log or COLLECTING in log):
        return "killed"
    return STATUS.get(code, "killed" if code < 0 else "error")


CONFTEST_FAILED = "ImportError while loading conftest"  # pytest's words, with exit status 4
COLLECTING = "ERROR collecting"  # ... a test module that no longer collects (then "found no collectors")
NOT_FOUND = "ERROR: not found:"  # ... and for a test id that is not collected (exit status 4)


MARK = "JAXNET_DELETION_RUN"  # in the environment of every process a run starts, and of theirs


def marked(mark):
    """The ids of the processes whose environment holds ``MARK=mark`` (Linux's /proc; none
    elsewhere)."""
    wanted, found = f"{MARK}={mark}".encode(), []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            if wanted in entry.joinpath("environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:  # gone, or another user's
            continue
    return found


def kill_marked(mark):
    """Kill the processes a run left behind: a mutant may stop the checker from killing its
    child (which runs in a session of its own, out of reach of the run's process group)."""
    for pid in marked(mark):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


# The marks of the processes under way, and whether the run was stopped (Ctrl-C): under the lock,
# no process starts after a stop, and every one started before it is killed by it.
_RUNNING, _STOPPED, _LOCK = set(), threading.Event(), threading.Lock()


def stop_running():
    """Ctrl-C: start no other process, and kill the ones under way with whatever they started."""
    with _LOCK:
        _STOPPED.set()
        for mark in _RUNNING:
            kill_marked(mark)


def _run(cmd, cwd, env, log, timeout=None):
    """``cmd`` in a process group of its own at nice 19, its output to ``log``: (exit status,
    or None if the whole group was killed at ``timeout`` seconds, or not started after a stop;
    wall seconds). Whatever it started is killed after it, in its group or not."""
    start, mark = time.perf_counter(), uuid.uuid4().hex
    with open(log, "w") as out:
        with _LOCK:
            if _STOPPED.is_set():
                return None, 0.0
            proc = subprocess.Popen(cmd, cwd=cwd, env={**env, MARK: mark}, stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True, preexec_fn=lambda: os.nice(19))
            _RUNNING.add(mark)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            code = None
        finally:
            with _LOCK:
                _RUNNING.discard(mark)
            kill_marked(mark)
    return code, time.perf_counter() - start


def lines_to_tests(contexts_by_line):
    """Coverage's {line: [contexts]} -> {line: set of test ids}; the empty context (lines run
    outside every test, at import) is kept as "" so that it can select every test."""
    return {line: set(contexts) for line, contexts in contexts_by_line.items()}


def tests_for(first, last, by_line, every_test):
    """The ids of the tests that execute any of lines first..last; every test when one of
    them runs outside all tests (at import, where any test may see its effect)."""
    contexts = set().union(*(by_line.get(n, set()) for n in range(first, last + 1)))
    return list(every_test) if "" in contexts else sorted(contexts)


def time_limit(tests, durations, startup):
    """10 times the selected tests' time in the first run (plus its start-up), plus 10 s."""
    return 10 * (startup + sum(durations.get(t, 0.0) for t in tests)) + 10


def record(work, paths, tests):
    """The modules' row of tests once on the unmutated copies, under coverage with one context
    per test: ({path: {line: test ids}}, {test id: seconds}, wall seconds)."""
    import coverage

    data_file, durations_file = work / ".coverage-record", work / "durations.json"
    env = {**mutation._env(XLA_CACHE), "MUTANT_UNDER_TEST": "stats",
           "JAXNET_TEST_RECORD": str(durations_file)}
    include = ",".join(str(work / path) for path in paths)
    cmd = [sys.executable, "-m", "coverage", "run", f"--data-file={data_file}",
           f"--include={include}", *PYTEST, *tests]
    code, seconds = _run(cmd, work, env, work / "record.log")
    if code != 0:
        raise SystemExit(f"{', '.join(paths)}: their tests fail on the unmutated modules "
                         f"(exit {code}); see {work / 'record.log'}")
    data = coverage.CoverageData(basename=str(data_file))
    data.read()
    measured = {os.path.realpath(f): f for f in data.measured_files()}
    by_path = {}
    for path in paths:
        found = measured.get(os.path.realpath(work / path))
        by_path[path] = lines_to_tests(data.contexts_by_lineno(found)) if found else {}
    return by_path, json.loads(durations_file.read_text()), seconds


def run_mutant(work, path, mutant, tests, limit, env):
    """One mutant written over the module's copy, its tests run, the copy restored."""
    target = work / path
    original = target.read_text()
    target.write_text(mutant.source)
    log = work / "mutant.log"
    try:
        code, _ = _run([sys.executable, *PYTEST, *tests], work, env, log, limit)
        if code == 4 and NOT_FOUND in log.read_text(errors="replace"):  # a parameter id the mutant removed:
            functions = sorted({t.split("[")[0] for t in tests})  # every parameter of the same tests
            code, _ = _run([sys.executable, *PYTEST, *functions], work, env, log, limit)
    finally:
        target.write_text(original)
    return status(code, log.read_text(errors="replace"))


def workdir(path):
    """The module's folder: .mutation/deletion/MODULE."""
    return WORK / mutation.workdir(path).name


def copies(work, jobs):
    """``jobs`` folders to run mutants in at once: ``work`` and copies of it beside it."""
    folders = [work]
    for n in range(2, jobs + 1):
        copy = work.with_name(f"{work.name}.{n}")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(work, copy, symlinks=True)
        folders.append(copy)
    return folders


def run_modules(chosen, tests, jobs=1, work=None):
    """Every mutant of modules that share one row of tests (``chosen``: {path: mutants}): one
    first run records the lines of all of them, then each mutant runs, ``jobs`` at once (each
    in a copy of the folder of its own). Yields, as each module is done, (path, {key: status},
    {"seconds", "record_seconds", "tests"}); the first module's seconds include the first run's.
    ``work``: the folder (by default .mutation/deletion/MODULE, the first module's). Stopped by
    Ctrl-C, no other mutant starts and the ones under way are killed; the modules done stand."""
    paths = list(chosen)
    work = mutation.prepare(paths[0], tests, work or workdir(paths[0]))
    by_path, durations, wall = record(work, paths, tests)
    startup = max(0.0, wall - sum(durations.values()))
    env = {**mutation._env(XLA_CACHE), "JAXNET_TEST_DURATIONS": str(work / "durations.json")}
    free = queue.SimpleQueue()
    for folder in copies(work, jobs):
        free.put(folder)

    def one(path, mutant):
        selection = tests_for(mutant.first, mutant.last, by_path[path], durations)
        # Lines coverage cannot see (a trace function's, a child process's) run against the
        # whole row: a mutant it kills is killed; one it does not stays "no tests".
        run_with = selection or list(durations)
        folder = free.get()
        try:
            status = run_mutant(folder, path, mutant, run_with, time_limit(run_with, durations, startup), env)
        finally:
            free.put(folder)
        if not selection and status == "survived":
            status = "no tests"
        print(f"  {status}: {mutant.key} ({len(selection)} tests)", file=sys.stderr, flush=True)
        return status

    pool = ThreadPoolExecutor(max_workers=jobs)
    try:
        for path, mutants in chosen.items():
            start = time.perf_counter()
            statuses = dict(zip((m.key for m in mutants), pool.map(lambda m: one(path, m), mutants)))
            (work / f"statuses-{mutation.workdir(path).name}.json").write_text(
                json.dumps(statuses, indent=1, ensure_ascii=False) + "\n")
            seconds = time.perf_counter() - start + (wall if path == paths[0] else 0.0)
            shared = {"recorded_with": paths} if len(paths) > 1 else {}
            yield path, statuses, {"seconds": round(seconds, 1), "record_seconds": round(wall, 1),
                                   "tests": len(durations), "jobs": jobs, **shared}
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        stop_running()
        raise
    finally:
        pool.shutdown()
        _STOPPED.clear()  # the run is over: processes may start again
