"""check-two-layer-net's command line: a grader's typo is refused in one line (exit 2) before any
file is checked; results are written atomically."""

import os
import stat

import pytest

from reference.checker import cli, run

IMPL = "tests/checker_impls/correct_vectorised.py"


@pytest.fixture
def no_checks(monkeypatch):
    """Any check run fails the test: a refusal must come before the work."""
    def refuse(*args, **kwargs):
        raise AssertionError("a check ran before the command line was refused")
    monkeypatch.setattr(run, "check_many", refuse)


def refusal(argv, capsys):
    """The exit status and the one line of stderr of a refused command line."""
    with pytest.raises(SystemExit) as stop:
        cli.main(argv)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("check-two-layer-net: error: "), err
    assert "Traceback" not in err
    return stop.value.code, err


def test_json_in_a_missing_folder_is_refused_before_any_check(no_checks, capsys):
    code, err = refusal([IMPL, "--json", "/nonexistent/out.json"], capsys)
    assert code == 2 and "/nonexistent/out.json" in err and "does not exist" in err


def test_json_under_a_file_or_naming_a_folder_is_refused(no_checks, tmp_path, capsys):
    (tmp_path / "file").write_text("")
    code, err = refusal([IMPL, "--json", str(tmp_path / "file" / "out.json")], capsys)
    assert code == 2 and "is not a folder" in err
    code, err = refusal([IMPL, "--json", str(tmp_path)], capsys)
    assert code == 2 and "is a folder" in err


def test_json_in_a_read_only_folder_is_refused(no_checks, tmp_path, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user writes in read-only folders (root)")
        code, err = refusal([IMPL, "--json", str(folder / "out.json")], capsys)
        assert code == 2 and "cannot write in" in err
    finally:
        folder.chmod(stat.S_IRWXU)


@pytest.mark.parametrize("value", ["0", "-5", "nan", "soon"])
def test_timeout_must_be_a_positive_number(no_checks, value, capsys):
    code, err = refusal([IMPL, "--timeout", value], capsys)
    assert code == 2 and "--timeout" in err


@pytest.mark.parametrize("value", ["0", "-1", "2.5"])
def test_jobs_must_be_a_positive_integer(no_checks, value, capsys):
    code, err = refusal([IMPL, "--jobs", value], capsys)
    assert code == 2 and "--jobs" in err


def test_abbreviated_flags_are_refused(no_checks, capsys):
    code, err = refusal([IMPL, "--tim", "5"], capsys)
    assert code == 2 and "--tim" in err


def test_no_target_is_refused_in_one_line(no_checks, capsys):
    code, err = refusal([], capsys)
    assert code == 2 and "PATH" in err


def test_a_folder_of_submissions_given_without_its_star_gets_the_hint(no_checks, tmp_path, capsys):
    for name in ("alice", "bob"):
        course = tmp_path / "subs" / name / "cs231n" / "classifiers"
        course.mkdir(parents=True)
        (course / "neural_net.py").write_text("")
    code, err = refusal([str(tmp_path / "subs")], capsys)
    assert code == 2 and "2 of its subfolders" in err and str(tmp_path / "subs" / "*") in err
    assert err.endswith(f"(e.g. alice): give them as {tmp_path / 'subs' / '*'}\n"), err  # the first by name


def test_a_course_folder_is_not_refused():
    """The folder that holds */classifiers/neural_net.py itself is a target, not a typo."""
    assert cli.folder_hint("tests") is None
    assert cli.writable_problem(None, "--json") is None


def test_results_are_written_atomically_with_the_usual_mode(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    before = os.umask(0o027)
    try:
        cli.write_atomically(target, "new")
        after = os.umask(0o027)  # reading the mask sets it: set it to what it was
    finally:
        os.umask(before)
    assert after == 0o027  # the writer read the mask without changing it
    assert target.read_text() == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left


def test_a_failed_write_raises_and_leaves_no_temporary_file(tmp_path):
    (tmp_path / "out.json").mkdir()
    (tmp_path / "out.json" / "keep").write_text("")  # a folder with a file cannot be replaced
    with pytest.raises(OSError):
        cli.write_atomically(tmp_path / "out.json", "new")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_an_output_that_cannot_be_written_after_the_checks_is_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "out.json").mkdir()
    (tmp_path / "out.json" / "keep").write_text("")
    args = cli.parse_args([IMPL])
    args.json = str(tmp_path / "out.json")  # became a folder while the checks ran
    assert cli.write_outputs(args, []) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"check-two-layer-net: error: --json {tmp_path / 'out.json'}: ")


def test_checking_that_a_folder_is_writable_leaves_nothing_open_or_behind(tmp_path):
    fds = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    assert cli.writable_problem(tmp_path / "out.json", "--json") is None
    assert list(tmp_path.iterdir()) == []
    if fds is not None:
        assert len(os.listdir("/proc/self/fd")) == fds


def test_a_closed_pipe_stops_the_printing_not_the_checking(monkeypatch):
    class ClosedPipe:
        def write(self, text):
            raise BrokenPipeError

        def flush(self):
            raise BrokenPipeError

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    cli.say("first")  # the pipe closes: standard output goes to the null device from here
    import sys
    try:
        assert sys.stdout.name == os.devnull
        cli.say("second")
    finally:
        sys.stdout.close()


def test_timeout_and_jobs_are_read_as_numbers():
    args = cli.parse_args([IMPL, "--timeout", "2.5", "--jobs", "3"])
    assert args.timeout == 2.5 and type(args.timeout) is float
    assert args.jobs == 3 and type(args.jobs) is int


@pytest.mark.parametrize("flag", ["--junit", "--gradescope"])
def test_every_output_is_checked_before_the_work(no_checks, flag, capsys):
    code, err = refusal([IMPL, flag, "/nonexistent/out"], capsys)
    assert code == 2 and f"{flag} /nonexistent/out" in err


@pytest.mark.parametrize("value, words", [("toy_los=2", "no check named 'toy_los'"), ("gradients=-1", ">= 0"),
                                          ("gradients=many", "CHECK=POINTS")])
def test_points_name_a_check_and_a_number(no_checks, value, words, capsys):
    code, err = refusal([IMPL, "--points", value], capsys)
    assert code == 2 and words in err


def test_points_are_read_per_check():
    args = cli.parse_args([IMPL, "--points", "gradients=5", "--points", "predict=0.5"])
    assert args.points == {"gradients": 5.0, "predict": 0.5}


def written_results(path, mode):
    """A file's result made here (no net checked): init right, the toy loss wrong."""
    from reference.checker.report import Check, FileResult
    checks = [Check("init", True, 0.0, 1e-9, "max |init - want|"),
              Check("toy_loss", False, 0.5, 1e-12, "|loss - want|", "the reg term is missing", part="regulariser")]
    return FileResult(path, mode, checks, None, 0.25)


def test_every_flag_reaches_the_checks_the_printing_and_the_outputs(monkeypatch, tmp_path, capsys):
    """main in this process, with a stand-in for the checks: the files and the loss functions go
    to them with --timeout and --jobs (the functions as functions); each result is printed as
    --verbose asks, as it comes; the counts follow; --junit and --gradescope hold both files'
    results, --points reaching the scores; the exit status is 1 (a check failed)."""
    from reference.checker import report

    calls, made = [], {"a.py": written_results("a.py", "class"), "m.py:loss": written_results("m.py:loss", "function")}

    def check_many(targets, **kw):
        calls.append((targets, kw))
        results = [made[t] for t in targets]
        for r in results:
            kw["on_result"](r)
        return results

    monkeypatch.setattr(run, "check_many", check_many)
    junit, grades = tmp_path / "junit.xml", tmp_path / "results.json"
    argv = ["a.py", "--function", "m.py:loss", "--timeout", "7.5", "--jobs", "3", "--verbose",
            "--junit", str(junit), "--gradescope", str(grades), "--points", "toy_loss=4"]
    assert cli.main(argv) == 1
    show = calls[0][1]["on_result"]
    assert calls == [(["a.py"], {"timeout": 7.5, "jobs": 3, "on_result": show}),
                     (["m.py:loss"], {"function": True, "timeout": 7.5, "jobs": 3, "on_result": show})]
    a, m = made["a.py"], made["m.py:loss"]
    assert report.render(a, verbose=True) != report.render(a)  # --verbose shows more
    assert capsys.readouterr().out == (report.render(a, verbose=True) + "\n\n" + report.render(m, verbose=True)
                                       + "\n\n" + "0 passed, 2 failed, 0 could not run\n")
    assert junit.read_text().count('<testsuite name="') == 2 and 'name="m.py:loss"' in junit.read_text()
    import json
    scores = {t["name"]: t["max_score"] for t in json.loads(grades.read_text())["tests"]}
    assert scores == {"a.py: init": 1, "a.py: toy_loss": 4, "m.py:loss: init": 1, "m.py:loss: toy_loss": 4}


def test_each_line_is_flushed_as_it_is_said(monkeypatch):
    """say flushes standard output after each line: piped to a grader's log, each file's report
    shows as it is judged, not when the buffer fills."""
    seen = []

    class Recorder:
        def write(self, text):
            seen.append(("write", text))

        def flush(self):
            seen.append(("flush", None))

    monkeypatch.setattr("sys.stdout", Recorder())
    cli.say("one file judged")
    assert seen[-1] == ("flush", None) and ("write", "one file judged") in seen


@pytest.mark.parametrize("argv, words", [
    (["--timeout", "soon"], "argument --timeout: --timeout must be a number > 0, got 'soon'"),
    (["--timeout", "0"], "argument --timeout: --timeout must be > 0, got '0'"),
    (["--timeout", "nan"], "argument --timeout: --timeout must be > 0, got 'nan'"),
    (["--jobs", "2.5"], "argument --jobs: --jobs must be an integer > 0, got '2.5'"),
    (["--jobs", "0"], "argument --jobs: --jobs must be > 0, got '0'"),
    (["--points", "toy_los=2"], "no check named 'toy_los' (checks: init, toy_scores, toy_loss, gradients, "),
    (["--points", "gradients=1=2"], "'gradients=1=2': give CHECK=POINTS, POINTS a number >= 0"),
    (["--points", "gradients=inf"], "'gradients=inf': POINTS must be a number >= 0")])
def test_numbers_are_refused_saying_what_they_must_be(no_checks, argv, words, capsys):
    code, err = refusal([IMPL, *argv], capsys)
    assert code == 2 and words in err, err


def test_the_least_numbers_allowed_are_taken():
    """One job, and a check worth 0 points (left out of the grade), are allowed."""
    args = cli.parse_args([IMPL, "--jobs", "1", "--points", "gradients=0"])
    assert args.jobs == 1 and args.points == {"gradients": 0.0}


def test_outputs_are_probed_and_written_through_a_temporary_beside_them(monkeypatch, tmp_path):
    """The writability probe and the atomic write each make their temporary in the target's own
    folder (a rename across folders would not be atomic, and another folder's permissions say
    nothing), named after the target."""
    import tempfile

    made, real = [], tempfile.mkstemp
    monkeypatch.setattr(tempfile, "mkstemp", lambda **kw: made.append(kw) or real(**kw))
    assert cli.writable_problem(str(tmp_path / "out.json"), "--json") is None
    cli.write_atomically(tmp_path / "out.json", "{}")
    assert made == [{"dir": tmp_path, "prefix": ".out.json-"}] * 2
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_a_folder_that_cannot_be_written_says_why_in_the_systems_words(monkeypatch, tmp_path, capsys):
    """The probe's and the writer's OSError are shown by their reason (strerror), not as a repr."""
    import tempfile

    def refuse(**kw):
        raise PermissionError(13, "Permission denied", str(kw["dir"]))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    said = cli.writable_problem(str(tmp_path / "out.json"), "--json")
    assert said == f"--json {tmp_path / 'out.json'}: cannot write in {tmp_path} (Permission denied)"
    args = cli.parse_args([IMPL])
    args.junit = str(tmp_path / "junit.xml")
    assert cli.write_outputs(args, []) == 2
    assert capsys.readouterr().err == f"check-two-layer-net: error: --junit {tmp_path / 'junit.xml'}: Permission denied\n"


@pytest.mark.parametrize("mask, mode", [(0o027, 0o640), (0o002, 0o664)])
def test_results_take_the_mode_open_would_give_them(tmp_path, mask, mode):
    before = os.umask(mask)
    try:
        cli.write_atomically(tmp_path / "out.json", "new")
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == mode


def test_an_interrupt_just_after_the_rename_is_raised_as_it_is(monkeypatch, tmp_path):
    """Ctrl-C landing after the temporary was renamed over the target: the interrupt goes on (the
    temporary is already gone: nothing to remove, no other error in its place)."""
    real = os.replace

    def replace_then_interrupt(src, dst):
        real(src, dst)
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        cli.write_atomically(tmp_path / "out.json", "new")
    assert (tmp_path / "out.json").read_text() == "new"


def test_the_help_is_the_one_docs_checker_md_shows(monkeypatch, capsys):
    """`check-two-layer-net --help` (100 columns wide) prints what docs/checker.md shows: the
    description, every option with its metavar and help, the examples and the exit statuses
    (compared word by word: how argparse wraps lines differs between Pythons)."""
    from pathlib import Path

    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as stop:
        cli.parse_args(["--help"])
    assert stop.value.code == 0
    docs = (Path(__file__).resolve().parents[1] / "docs" / "checker.md").read_text()
    shown = docs.split("```\n$ check-two-layer-net --help\n", 1)[1].split("```", 1)[0]
    out = capsys.readouterr().out
    assert out.split() == shown.split()
    examples = [line for line in shown.splitlines() if line.startswith("    check-two-layer-net ")]
    assert len(examples) == 3 and all(line in out.splitlines() for line in examples)  # kept as written


def test_no_target_is_refused_saying_what_to_give(no_checks, capsys):
    code, err = refusal([], capsys)
    assert (code, err) == (2, "check-two-layer-net: error: give at least one PATH or --function MODULE:NAME\n")


def test_the_defaults_are_those_the_help_states():
    """Without flags: 60 s a file, the machine's cores, nothing written, a point a check, the
    short report of every file."""
    args = cli.parse_args([IMPL])
    assert args.timeout == 60.0 and args.jobs is None and args.points == {} and args.function == []
    assert (args.json, args.junit, args.gradescope, args.verbose, args.quiet) == (None, None, None, False, False)
