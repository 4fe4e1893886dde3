"""The checker of anyone's two-layer net: correct implementations pass, each buggy one fails with
its cause named, crashes and endless loops are contained, and the entry points behave.

The implementations under test live in tests/checker_impls/, one file each; the buggy ones,
bug_<id>.py, are written from the table in tests/checker_impls/bugs.py: the correct vectorised
net with one marked mistake, catalogued as <id>.
"""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reference.checker import check_many, diagnose, mistakes, pytest_helper
from reference.checker.report import exit_status
from tests.checker_impls.bugs import BUGS, buggy_source, write_buggy

IMPLS = Path(__file__).parent / "checker_impls"
CORRECT = ["correct_vectorised.py", "correct_loops.py"]
CAUSES = sorted(BUGS)


@pytest.fixture(scope="module")
def bugs(tmp_path_factory):
    """A folder holding bug_<cause>.py for every cause in the table."""
    folder = tmp_path_factory.mktemp("bugs")
    for cause in CAUSES:
        write_buggy(cause, folder)
    return folder


@pytest.fixture(scope="module")
def batch(bugs):
    """Every correct and buggy implementation, checked in one parallel run: {file name: result}."""
    files = [IMPLS / name for name in CORRECT] + [bugs / f"bug_{cause}.py" for cause in CAUSES]
    results = check_many(files, timeout=120)
    return {Path(r.path).name: r for r in results}


def test_catalogue_has_a_buggy_implementation_per_cause():
    assert len(mistakes.BY_ID) >= 12
    assert sorted(mistakes.BY_ID) == sorted(CAUSES)


def test_bug_table_marks_one_mistake_per_cause():
    correct = (IMPLS / "correct_vectorised.py").read_text()
    for cause in CAUSES:
        source = buggy_source(cause)
        assert source != correct and "# BUG" in source and f"cause `{cause}`" in source


@pytest.mark.parametrize("name", CORRECT)
def test_correct_implementations_pass_every_check(batch, name):
    result = batch[name]
    assert result.error is None
    failed = {c.name: c.diagnosis for c in result.checks if not c.passed}
    assert not failed
    assert result.status == 0
    assert len(result.checks) == 20


@pytest.mark.parametrize("cause", CAUSES)
def test_each_buggy_implementation_fails_with_its_cause_named(batch, cause):
    result = batch[f"bug_{cause}.py"]
    assert result.error is None
    assert result.status == 1
    named = [c for c in result.checks if not c.passed and cause in c.causes]
    assert named, {c.name: c.diagnosis for c in result.checks if not c.passed}
    assert all(f"[cause: {cause}]" in c.diagnosis for c in named)
    assert all(c.passed or c.diagnosis for c in result.checks)  # every failure says something


def test_float32_implementation_is_judged_in_float64(batch):
    checks = {c.name: c for c in batch["bug_float32.py"].checks}
    # float32 rounding: far above the notebook's float64 tolerance, far below a real mistake
    assert 1e-12 < checks["toy_loss"].measured < 1e-5
    assert 1e-8 < checks["gradients"].measured < 1e-4
    assert checks["gradients"].causes == ["float32"]
    assert "float32" in checks["grads_format"].diagnosis
    assert checks["float32_inputs"].passed  # judged at float32 tolerance there
    assert checks["train_learning_rate"].passed


def test_training_inference_names_the_step_it_reads(batch):
    """The schedule is inferred per step: the reported rates are the ones the code used."""
    text = next(c.diagnosis for c in batch["bug_lr_never_decayed.py"].checks if c.name == "train_learning_rate")
    assert "used were [0.5, 0.5, 0.5" in text and "expected [0.5, 0.25, 0.25" in text


def test_unexplained_mismatch_is_located():
    want = np.array([[1.0, -2.0], [0.5, 4.0]])
    part = diagnose.Part("W2's gradient", 3 * want, want, diagnose.rel_error, 1e-8)
    text = diagnose.locate(part)
    assert "4 of 4 entries off" in text and "constant factor 3" in text and "(1, 1): expected 4" in text
    assert "sign is flipped" in diagnose.locate(diagnose.Part("b1", -want, want, diagnose.rel_error, 1e-8))
    assert "shape (2,), expected (2, 2)" in diagnose.locate(diagnose.Part("b1", want[0], want, diagnose.rel_error, 0))


def test_function_mode_checks_loss_and_gradients_only():
    spec = f"{IMPLS / 'loss_function.py'}:"
    good, bad = check_many([spec + "two_layer_loss", spec + "two_layer_loss_no_mask"], function=True)
    assert good.mode == "function" and good.status == 0, [c.diagnosis for c in good.checks if not c.passed]
    names = {c.name for c in good.checks}
    assert "toy_loss" in names and "gradients" in names
    assert not names & {"toy_scores", "predict", "toy_training", "train_learning_rate"}
    assert bad.status == 1 and "relu_mask_missing" in bad.causes


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
    assert report["correct_vectorised.py"]["passed"] is True and len(report["correct_vectorised.py"]["checks"]) == 20
    assert "COULD NOT RUN: timed out" in stdout and "1 passed, 0 failed, 3 could not run" in stdout


def test_cli_exit_status_and_json_format(bugs, tmp_path, capsys):
    from reference.checker import cli
    assert cli.main([str(IMPLS / "correct_vectorised.py")]) == 0
    out = tmp_path / "results.json"
    argv = [str(IMPLS / "correct_vectorised.py"), str(bugs / "bug_reg_missing.py"), "--quiet", "--json", str(out)]
    assert cli.main(argv) == 1
    text = capsys.readouterr().out
    assert "bug_reg_missing.py" in text and "[cause: reg_missing]" in text
    good, bad = json.loads(out.read_text())
    assert good["passed"] is True and bad["passed"] is False and bad["status"] == 1
    check = bad["checks"][1]
    assert set(check) >= {"name", "passed", "measured", "tolerance", "diagnosis"}
    assert check["name"] == "toy_loss" and check["passed"] is False and check["tolerance"] == 1e-12
    assert "reg_missing" in check["causes"] and "[cause: reg_missing]" in check["diagnosis"]
    assert exit_status([]) == 0


def test_pytest_helper_fails_with_the_report_text(bugs):
    pytest_helper.assert_two_layer_net_passes(IMPLS / "correct_loops.py")
    with pytest.raises(AssertionError) as err:
        pytest_helper.assert_two_layer_net_passes(bugs / "bug_relu_mask_on_upstream.py")
    assert "FAIL gradients" in str(err.value) and "[cause: relu_mask_on_upstream]" in str(err.value)


def test_reference_and_the_observing_child_import_no_jax():
    code = ("import sys, reference, reference.checker, reference.checker.observe; "
            "from reference import TwoLayerNet; assert 'jax' not in sys.modules, 'jax imported'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
