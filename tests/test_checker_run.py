"""The checker as a grader runs it: each file in its own process, in parallel, with a time limit;
crashes, endless loops and load errors contained; the command line's exit status, its outputs and
the pytest helper. These start processes, so they are in the slow tier."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reference.checker import check_many, cli, pytest_helper
from reference.checker.report import exit_status
from tests.checker_impls.bugs import write_buggy

pytestmark = pytest.mark.slow
IMPLS = Path(__file__).parent / "checker_impls"


def test_folder_with_the_course_layout_is_found(tmp_path):
    """A course folder: cs231n/classifiers/neural_net.py, with the skeleton's py2 imports."""
    target = tmp_path / "cs231n" / "classifiers" / "neural_net.py"
    target.parent.mkdir(parents=True)
    source = (IMPLS / "correct_vectorised.py").read_text()
    target.write_text("from builtins import range\nfrom past.builtins import xrange\n" + source)
    (result,) = check_many([tmp_path])
    assert result.status == 0, result.error or [c.diagnosis for c in result.checks if not c.passed]


def test_batch_run_contains_crash_endless_loop_and_load_error(tmp_path):
    """The command line on a batch: the broken files are exit status 2 with their errors named,
    the other one still judged."""
    files = ["correct_vectorised.py", "crash_abort.py", "endless_loop.py", "syntax_error.py"]
    out = tmp_path / "results.json"
    cmd = [sys.executable, "-m", "reference.checker", *[str(IMPLS / f) for f in files],
           "--timeout", "5", "--json", str(out)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 2, stderr
    report = {Path(f["path"]).name: f for f in json.loads(out.read_text())}
    assert [report[f]["status"] for f in files] == [0, 2, 2, 2]
    assert "crashed" in report["crash_abort.py"]["error"] and "signal 6" in report["crash_abort.py"]["error"]
    assert "timed out after 5 s" in report["endless_loop.py"]["error"]
    assert "SyntaxError" in report["syntax_error.py"]["error"]
    assert report["correct_vectorised.py"]["passed"] is True and len(report["correct_vectorised.py"]["checks"]) == 25
    assert "COULD NOT RUN: timed out" in stdout and "1 passed, 0 failed, 3 could not run" in stdout


def test_cli_exit_status_and_outputs(tmp_path, capsys):
    bad = write_buggy("reg_missing", tmp_path)
    assert cli.main([str(IMPLS / "correct_vectorised.py")]) == 0
    out, junit, gradescope = tmp_path / "results.json", tmp_path / "junit.xml", tmp_path / "results_gs.json"
    argv = [str(IMPLS / "correct_vectorised.py"), str(bad), "--quiet", "--json", str(out), "--junit", str(junit),
            "--gradescope", str(gradescope)]
    assert cli.main(argv) == 1
    text = capsys.readouterr().out
    assert "bug_reg_missing.py" in text and "[cause: reg_missing]" in text
    good, wrong = json.loads(out.read_text())
    assert good["passed"] is True and wrong["passed"] is False and wrong["status"] == 1
    assert wrong["summary"]["cause"] == "reg_missing" and wrong["summary"]["part"] == "regulariser"
    check = wrong["checks"][2]  # init, toy_scores, then toy_loss
    assert set(check) >= {"name", "passed", "measured", "tolerance", "diagnosis"}
    assert check["name"] == "toy_loss" and check["passed"] is False and check["tolerance"] == 1e-12
    assert "reg_missing" in check["causes"] and "[cause: reg_missing]" in check["diagnosis"]
    assert junit.read_text().startswith("<?xml") and json.loads(gradescope.read_text())["tests"]
    assert exit_status([]) == 0


def test_pytest_helper_fails_with_the_report_text(tmp_path):
    pytest_helper.assert_two_layer_net_passes(IMPLS / "correct_loops.py")
    with pytest.raises(AssertionError) as err:
        pytest_helper.assert_two_layer_net_passes(write_buggy("relu_mask_on_upstream", tmp_path))
    assert "FAIL gradients" in str(err.value) and "[cause: relu_mask_on_upstream]" in str(err.value)


@pytest.mark.parametrize("options, seen", [({}, {"function": False, "timeout": 60.0}),
                                           ({"function": True, "timeout": 7.5}, {"function": True, "timeout": 7.5})])
def test_pytest_helper_hands_its_options_to_the_check_and_raises_the_report(monkeypatch, options, seen):
    """assert_two_layer_net_passes in this process, with a stand-in for the check: the path and
    both options reach it (by default a class, 60 s); a passing result comes back, a failing one
    is raised with the report, after a line break, as the message."""
    from reference.checker import report, run
    from reference.checker.report import FileResult

    calls, results = [], [FileResult("net.py", "class", [], None, 0.1),
                          FileResult("net.py", "class", [], "SyntaxError: invalid syntax", 0.1)]
    monkeypatch.setattr(run, "check", lambda path, **kw: calls.append((path, kw)) or results[len(calls) - 1])
    assert pytest_helper.assert_two_layer_net_passes("net.py", **options) is results[0]
    with pytest.raises(pytest_helper.TwoLayerNetCheckFailed) as err:
        pytest_helper.assert_two_layer_net_passes("net.py", **options)
    assert str(err.value) == "\n" + report.render(results[1]) and "SyntaxError" in str(err.value)
    assert calls == [("net.py", seen)] * 2


def test_package_api_hands_every_option_to_the_run(monkeypatch):
    """reference.checker.check and check_many, with stand-ins for the run's: each target and
    option reaches it, the defaults a class, 60 s, the machine's cores and no callback."""
    from reference import checker
    from reference.checker import run

    calls = []
    monkeypatch.setattr(run, "check", lambda *a, **kw: calls.append(("check", a, kw)) or "one")
    monkeypatch.setattr(run, "check_many", lambda *a, **kw: calls.append(("check_many", a, kw)) or ["many"])
    assert checker.check("net.py") == "one" and checker.check("m:loss", function=True, timeout=5.0) == "one"
    assert checker.check_many(["a.py"]) == ["many"]
    assert checker.check_many(["m:loss"], function=True, timeout=5.0, jobs=3, on_result=print) == ["many"]
    assert calls == [("check", ("net.py",), {"function": False, "timeout": 60.0}),
                     ("check", ("m:loss",), {"function": True, "timeout": 5.0}),
                     ("check_many", (["a.py"],), {"function": False, "timeout": 60.0, "jobs": None, "on_result": None}),
                     ("check_many", (["m:loss"],), {"function": True, "timeout": 5.0, "jobs": 3, "on_result": print})]


def test_reference_and_the_observing_child_import_no_jax():
    code = ("import sys, reference, reference.checker, reference.checker.observe, reference.checker.cli; "
            "from reference import TwoLayerNet; assert 'jax' not in sys.modules, 'jax imported'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)



def test_the_checker_runs_jax_in_float64_with_full_precision_products_and_its_cache(monkeypatch, tmp_path):
    import jax
    from reference.checker import run

    def settings(env, xdg=None):
        calls = []
        monkeypatch.setattr(jax.config, "update", lambda name, value: calls.append((name, value)))
        monkeypatch.delenv(run.CACHE_ENV, raising=False)
        monkeypatch.setenv("XDG_CACHE_HOME", str(xdg or tmp_path / "nowhere"))
        if env is not None:
            monkeypatch.setenv(run.CACHE_ENV, env)
        run.setup_jax()
        monkeypatch.undo()
        return calls

    numbers = [("jax_enable_x64", True), ("jax_default_matmul_precision", "highest")]
    cache = [("jax_persistent_cache_min_compile_time_secs", 0.0),
             ("jax_persistent_cache_min_entry_size_bytes", 0)]
    for off in ("off", "0", " No ", "false", ""):
        assert settings(off) == numbers
    assert settings(str(tmp_path / "xla")) == [*numbers, ("jax_compilation_cache_dir", str(tmp_path / "xla")), *cache]
    assert settings(None, tmp_path / "c") == [*numbers, ("jax_compilation_cache_dir", str(tmp_path / "c" / "jaxnet" / "xla")),
                                              *cache]


def test_check_many_sets_float64_itself(monkeypatch):
    import jax
    from reference.checker import run

    monkeypatch.setenv(run.CACHE_ENV, "off")
    before = jax.config.jax_enable_x64
    jax.config.update("jax_enable_x64", False)
    try:
        assert run.check_many([]) == []
        assert jax.config.jax_enable_x64 is True
    finally:
        jax.config.update("jax_enable_x64", before)


def test_a_childs_environment_is_a_copy_with_one_blas_thread(monkeypatch):
    from reference.checker import run

    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    before = dict(os.environ)
    env = run.child_env()
    assert dict(os.environ) == before  # the parent's own environment is untouched
    assert env["PYTHONPATH"] == os.pathsep.join([str(run.PROJECT_ROOT), "/elsewhere"])
    assert {k: env[k] for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "MPLBACKEND",
                                "PYTHONDONTWRITEBYTECODE")} == {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1",
                                                                "MKL_NUM_THREADS": "1", "MPLBACKEND": "Agg",
                                                                "PYTHONDONTWRITEBYTECODE": "1"}


def test_an_endless_child_is_killed_and_reaped_and_its_folder_removed(monkeypatch):
    """In this process: check_many takes any iterable of targets; the child of an endless loop is
    killed at the time limit and waited for, and the folder it wrote in is removed."""
    from reference.checker import run

    started, folders = [], []
    popen = subprocess.Popen
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: started.append(popen(*a, **k)) or started[-1])
    observe = run.observe
    monkeypatch.setattr(run, "observe", lambda target, function, timeout, out: folders.append(out) or
                        observe(target, function, timeout, out))
    results = run.check_many((str(IMPLS / name) for name in ["endless_loop.py"]), timeout=2)
    assert [r.error for r in results] == [
        "timed out after 2 s (an endless loop, or far too slow); the process was killed"]
    assert started[0].returncode == -signal.SIGKILL
    assert len(folders) == 1 and not Path(folders[0]).exists()
