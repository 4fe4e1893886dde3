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
