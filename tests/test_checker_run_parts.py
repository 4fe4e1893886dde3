"""The grader's run, part by part, in this process: the observing child's command line, environment,
session and outputs (a stand-in child that records what it was given and ends as told), the
errors said for a load error and a crash, the timing of one observation, the judging of its
folder (an error, a result, a checker that fails), and the options check_many and check hand on.
The real child is run in tests/test_checker_run.py (slow tier)."""

import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from reference.checker import run
from reference.checker.report import Check, FileResult

STAND_IN = """\
import json, os, sys
out = sys.argv[sys.argv.index("--out") + 1]
seen = {"argv": sys.argv[1:], "omp": os.environ.get("OMP_NUM_THREADS"), "own_session": os.getsid(0) == os.getpid()}
with open(os.path.join(out, "seen.json"), "w") as f:
    json.dump(seen, f)
print("the child's stdout")
sys.stdout.flush()
how = os.environ["STAND_IN"]
if how == "load":
    with open(os.path.join(out, "load_error.txt"), "w") as f:
        f.write("SyntaxError: invalid syntax (net.py, line 3)")
    sys.exit(3)
if how == "exit":
    sys.stderr.buffer.write(b"first\\nsecond\\nthird \\xff\\nlast\\n")
    sys.exit(5)
if how == "signal":
    sys.stderr.write("aborting\\n")
    sys.stderr.flush()
    os.kill(os.getpid(), 9)
"""


@pytest.fixture
def child(tmp_path, monkeypatch):
    """observe(...) against the stand-in: (run it as told -> the error said, what the child saw)."""
    script = tmp_path / "stand_in.py"
    script.write_text(f"#!{sys.executable}\n" + STAND_IN)
    script.chmod(0o755)
    monkeypatch.setattr(run.sys, "executable", str(script))  # the child's command is [sys.executable, "-m", ...]
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)

    def observed(how, function=False):
        out = tmp_path / f"out-{how}-{function}"
        out.mkdir()
        monkeypatch.setenv("STAND_IN", how)
        error = run.observe("net.py", function, 30, str(out))
        return error, json.loads((out / "seen.json").read_text())
    return observed


def test_the_child_is_told_what_to_observe_in_a_session_of_its_own_with_one_blas_thread(child, capfd):
    """The command: -m reference.checker.observe, --path or --function, the target, --out; the
    child's environment has one BLAS thread; it leads a session of its own (so its whole group can be
    killed); its stdout goes nowhere; a clean exit is no error."""
    for function, flag in ((False, "--path"), (True, "--function")):
        error, seen = child("ok", function)
        assert error is None
        assert seen["argv"][:4] == ["-m", "reference.checker.observe", flag, "net.py"]
        assert seen["argv"][4] == "--out" and len(seen["argv"]) == 6
        assert seen["omp"] == "1" and seen["own_session"] is True
    assert "the child's stdout" not in capfd.readouterr().out


def test_a_load_error_and_a_crash_are_said_in_words(child):
    """Exit status 3: the child's load_error.txt after 'could not load it: '; another status: the
    last three lines of its stderr (undecodable bytes replaced), with the status or the signal."""
    assert child("load")[0] == "could not load it: SyntaxError: invalid syntax (net.py, line 3)"
    assert child("exit")[0] == "the process crashed (exit status 5): second | third \ufffd | last"
    assert child("signal")[0] == "the process crashed (killed by signal 9): aborting"


def test_one_observation_is_timed_in_a_folder_of_its_own(monkeypatch):
    """_observe_timed: a new folder named two-layer-net-check-*, the target, mode and time limit
    handed on, and the seconds it took."""
    seen, clock = [], iter([10.0, 12.5])  # perf_counter before and after the observation
    monkeypatch.setattr(run, "observe", lambda *args: seen.append(args) or "an error")
    monkeypatch.setattr(run.time, "perf_counter", lambda: next(clock))
    out, error, seconds = run._observe_timed("net.py", True, 7.0)
    try:
        assert error == "an error" and seen == [("net.py", True, 7.0, out)]
        assert Path(out).is_dir() and Path(out).name.startswith("two-layer-net-check-")
        assert seconds == 2.5
    finally:
        os.rmdir(out)


def test_judging_a_folder_gives_the_error_the_result_or_the_checkers_own_failure(monkeypatch, tmp_path):
    """_judge: an error becomes a result without checks; otherwise the judge's checks and findings;
    a judge that raises becomes one failed 'judging' check saying so. The mode is 'function' or
    'class'; the folder is removed each time (already gone is no error)."""
    from reference.checker import judge

    def folder(name):
        path = tmp_path / name
        path.mkdir()
        (path / "x.npy").write_text("")
        return path

    out = folder("error")
    assert run._judge(Path("net.py"), True, str(out), "timed out", 1.5) == FileResult("net.py", "function", [], "timed out",
                                                                                     1.5)
    assert not out.exists()
    assert run._judge("net.py", False, str(out), "again", 2.0) == FileResult("net.py", "class", [], "again", 2.0)
    check, finding = Check("toy_loss", True, 0.0, 1e-12, "hand-built"), SimpleNamespace(cause=None)
    monkeypatch.setattr(judge, "Observation", lambda path: ("observed", path))
    monkeypatch.setattr(judge, "judge", lambda obs: ([check], [finding]))
    out = folder("judged")
    assert run._judge("net.py", False, str(out), None, 3.0) == FileResult("net.py", "class", [check], None, 3.0,
                                                                          [finding])
    assert not out.exists()

    def odd(obs):
        raise KeyError("W1/grads")
    monkeypatch.setattr(judge, "judge", odd)
    out = folder("odd")
    assert run._judge("net.py", True, str(out), None, 4.0) == FileResult("net.py", "function", [Check(
        "judging", False, None, None, "the checker itself",
        "the checker failed on this file's outputs: KeyError: 'W1/grads'")], None, 4.0)
    assert not out.exists()


def test_check_many_and_check_hand_on_their_options(monkeypatch):
    """check_many: each target observed with the mode and time limit (60 s unless told), as many at
    once as asked, else one a core (one where the count is unknown); check: one target, its options
    handed on."""
    observed, judged, pools = [], [], []
    monkeypatch.setattr(run, "setup_jax", lambda: None)
    monkeypatch.setattr(run, "_warm_up", lambda: None)
    monkeypatch.setattr(run, "_observe_timed", lambda t, f, limit: observed.append((t, f, limit)) or ("out", None, 1.0))
    monkeypatch.setattr(run, "_judge", lambda t, f, out, error, s: judged.append((t, f)) or t)
    pool = run.ThreadPoolExecutor
    monkeypatch.setattr(run, "ThreadPoolExecutor", lambda max_workers: pools.append(max_workers) or pool(max_workers))
    monkeypatch.setattr(run.os, "cpu_count", lambda: 3)
    assert run.check_many(["a", "b"], function=True) == ["a", "b"]
    assert observed == [("a", True, 60.0), ("b", True, 60.0)] and judged == [("a", True), ("b", True)]
    assert run.check_many(["c"], jobs=2, timeout=5.0) == ["c"]
    assert observed[-1] == ("c", False, 5.0)
    monkeypatch.setattr(run.os, "cpu_count", lambda: None)
    run.check_many(["d"])
    assert pools == [3, 2, 1]
    observed.clear()
    assert run.check("e") == "e" and observed == [("e", False, 60.0)]
    assert run.check("f", function=True, timeout=9.0) == "f" and observed[-1] == ("f", True, 9.0)


def test_the_cache_goes_under_the_home_folders_cache_without_xdg(monkeypatch, tmp_path):
    """setup_jax without JAXNET_COMPILE_CACHE or XDG_CACHE_HOME: ~/.cache/jaxnet/xla."""
    import jax
    calls = []
    monkeypatch.setattr(jax.config, "update", lambda name, value: calls.append((name, value)))
    monkeypatch.delenv(run.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    run.setup_jax()
    assert ("jax_compilation_cache_dir", str(tmp_path / ".cache" / "jaxnet" / "xla")) in calls


def test_a_childs_environment_does_not_write_bytecode_whatever_the_parents(monkeypatch):
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
    assert run.child_env()["PYTHONDONTWRITEBYTECODE"] == "1"
