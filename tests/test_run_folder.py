"""A run's folder holds that run's files only, metrics.json last; nothing is lost to a check
that could have been made first, and a file that cannot be written is named with what was
kept; files are written as ``open`` would write them."""

import errno
import json
import os
import stat
import subprocess
from pathlib import Path

import numpy as np
import pytest

from jaxnet import artifacts
from jaxnet.cli import folder, sweep_cifar10, train_cifar10

ROOT = Path(__file__).resolve().parent.parent
SPLIT = ["--num-training", "40", "--num-validation", "10", "--num-test", "10"]
TINY = [*SPLIT, "--num-iters", "4", "--batch-size", "8", "--hidden-size", "3", "--quiet"]


def one_line_error(capsys, main, argv):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in lines[0], lines
    return lines[0]


@pytest.mark.parametrize("main", [train_cifar10.main, sweep_cifar10.main])
def test_an_unusable_out_is_refused_before_the_data_is_read(tmp_path, capsys, main):
    a_file = tmp_path / "afile"
    a_file.write_text("mine")
    missing_data = ["--data-dir", str(tmp_path / "no-data")]  # reading data would fail
    line = one_line_error(capsys, main, [*missing_data, "--out", str(a_file), "--quiet"])
    assert "--out" in line and "is a file" in line
    line = one_line_error(capsys, main, [*missing_data, "--out", str(a_file / "sub"), "--quiet"])
    assert "cannot write into" in line
    assert a_file.read_text() == "mine"


@pytest.mark.slow
def test_a_folder_of_another_run_is_refused_unless_overwrite(data_dir, tmp_path, capsys):
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY,
                               "--preprocess", "channel"]) == 0
    assert (out / "preprocess.npz").exists()
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    line = one_line_error(capsys, train_cifar10.main,
                          ["--data-dir", str(data_dir), "--out", str(out), *TINY])
    assert "holds another run's files" in line and "--overwrite" in line
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # untouched
    capsys.readouterr()
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY,
                               "--overwrite"]) == 0
    # The second run used the mean image only: the first run's preprocess.npz is gone.
    assert sorted(p.name for p in out.iterdir()) == [
        "curves.png", "metrics.json", "params.npz", "weights.png"]
    assert "preprocess.npz" not in capsys.readouterr().out


@pytest.mark.slow
def test_eval_checkpoint_refuses_preprocessing_of_another_run(data_dir, tmp_path, capsys):
    first, second = tmp_path / "first", tmp_path / "second"
    for out, extra in ((first, ["--preprocess", "channel"]), (second, ["--seed", "1"])):
        assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY,
                                   *extra]) == 0
    (second / "preprocess.npz").write_bytes((first / "preprocess.npz").read_bytes())
    capsys.readouterr()
    line = one_line_error(capsys, train_cifar10.main, [
        "--data-dir", str(data_dir), *SPLIT, "--eval-checkpoint", str(second / "params.npz")])
    assert "does not belong to" in line
    # Its own preprocessing is accepted.
    assert train_cifar10.main(["--data-dir", str(data_dir), *SPLIT,
                               "--eval-checkpoint", str(first / "params.npz")]) == 0


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_files_follow_the_umask(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        artifacts.save_json(tmp_path / "m.json", {"a": 1})
        artifacts.save_arrays(tmp_path / "a.npz", {"x": np.arange(3)})
    finally:
        os.umask(old)
    for name in ("m.json", "a.npz"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode


def test_a_bad_std_names_the_flag_before_the_data(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        train_cifar10.main(["--data-dir", str(tmp_path / "no-data"), "--std", "abc"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "argument --std" in err and "'abc'" in err and "not found" not in err


@pytest.mark.slow
def test_sweep_best_line_shows_only_what_applies(data_dir, tmp_path, capsys):
    def best_line(*flags):
        assert sweep_cifar10.main(["--data-dir", str(data_dir), "--out", str(tmp_path / "s"),
                                   *TINY, "--learning-rates", "1e-3", "1e-2", "--overwrite",
                                   *flags]) == 0
        return next(line for line in capsys.readouterr().out.splitlines()
                    if line.startswith("best:"))

    plain = best_line()
    assert "learning_rate" in plain and "momentum" not in plain
    nesterov = best_line("--optimizer", "nesterov", "--momentum", "0.8")
    assert "momentum 0.8" in nesterov
    s = json.loads((tmp_path / "s" / "sweep.json").read_text())
    assert s["config"]["optimizer"] == "nesterov"


def test_data_and_runs_are_ignored_by_git():
    paths = ["data/cifar-10-batches-py/data_batch_1", "runs/default/params.npz"]
    proc = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, capture_output=True,
                          text=True)
    if proc.returncode == 128:
        pytest.skip("not a git checkout")
    assert proc.stdout.split() == paths


@pytest.mark.parametrize("main", [train_cifar10.main, sweep_cifar10.main])
def test_an_empty_out_is_refused_before_the_data_is_read(tmp_path, capsys, monkeypatch, main):
    monkeypatch.chdir(tmp_path)  # an empty --out would have meant this folder
    line = one_line_error(capsys, main, ["--data-dir", str(tmp_path / "no-data"), "--out", "",
                                         "--quiet"])
    assert line.endswith("error: --out is empty (an unset variable?); name the run's folder")
    assert list(tmp_path.iterdir()) == []


def test_the_summary_lists_only_the_files_the_run_wrote(data_dir, tmp_path, capsys):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("the user's own")
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last == "wrote " + ", ".join(str(out / name) for name in (
        "params.npz", "curves.png", "weights.png", "metrics.json"))  # metrics.json last
    assert (out / "notes.txt").read_text() == "the user's own"


def test_an_overwritten_folder_keeps_no_file_of_the_earlier_run(tmp_path):
    """--overwrite: params written without preprocessing remove an earlier preprocess.npz at once (it
    would be read as theirs); once metrics.json is written, the earlier run's other files that this
    run did not write are gone, but for the names it keeps and the user's own files."""
    for name in ("preprocess.npz", "sweep.json", "state.npz", "curves.png", "notes.txt"):
        (tmp_path / name).write_text("an earlier run's")
    run = folder.RunFolder(tmp_path, keep={"state.npz"})
    params = {"W1": np.zeros((4, 3)), "b1": np.zeros(3), "W2": np.zeros((3, 2)), "b2": np.zeros(2)}
    folder.write_params(run, params)
    assert not (tmp_path / "preprocess.npz").exists()
    run.complete({"test_acc": 0.5})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["metrics.json", "notes.txt", "params.npz", "state.npz"]


def filling_disk(monkeypatch, out, at):
    """From the ``at``-th file renamed into ``out`` on (1: the first), the disk is full; the
    files renamed into place so far are returned, in order."""
    placed, replace = [], os.replace

    def full(src, dst):
        if Path(dst).parent == out:
            if len(placed) + 1 >= at:
                raise OSError(errno.ENOSPC, "No space left on device")
            placed.append(Path(dst).name)
        replace(src, dst)

    monkeypatch.setattr(os, "replace", full)
    return placed


RUN = ["params.npz", "preprocess.npz", "curves.png", "weights.png", "metrics.json"]


@pytest.mark.parametrize("at", range(1, len(RUN) + 1))
def test_a_full_disk_names_the_file_and_what_was_kept(data_dir, tmp_path, capsys, monkeypatch, at):
    out = tmp_path / "run"
    placed = filling_disk(monkeypatch, out, at)
    line = one_line_error(capsys, train_cifar10.main, ["--data-dir", str(data_dir), "--out",
                                                       str(out), *TINY, "--preprocess", "channel"])
    kept = RUN[:at - 1]
    assert placed == kept and sorted(p.name for p in out.iterdir()) == sorted(kept)
    failed = f"train-cifar10: error: could not write {out / RUN[at - 1]} (No space left on device); "
    assert line == failed + (f"kept {', '.join(kept)} in {out}, which has no metrics.json: the "
                             f"run is incomplete" if kept else "nothing of this run was written")


def test_an_earlier_runs_metrics_json_goes_before_its_files_are_replaced(data_dir, tmp_path,
                                                                         capsys, monkeypatch):
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY]) == 0
    filling_disk(monkeypatch, out, 2)  # the new params.npz is written, then the disk is full
    one_line_error(capsys, train_cifar10.main, ["--data-dir", str(data_dir), "--out", str(out),
                                                *TINY, "--seed", "1", "--overwrite"])
    assert not (out / "metrics.json").exists()  # the old one would vouch for the new params


@pytest.mark.slow
def test_a_sweep_writes_its_metrics_json_last(data_dir, tmp_path, capsys, monkeypatch):
    out = tmp_path / "sweep"
    placed = filling_disk(monkeypatch, out, 6)
    assert sweep_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY,
                               "--learning-rates", "1e-3", "1e-2"]) == 0
    assert placed == ["params.npz", "sweep.json", "curves.png", "weights.png", "metrics.json"]


def test_another_runs_files_are_refused_by_default_each_named(tmp_path):
    for name in ("metrics.json", "params.npz"):
        (tmp_path / name).write_text("an earlier run's")
    with pytest.raises(ValueError) as refused:
        folder.check_out(tmp_path)
    assert str(refused.value) == (f"--out {tmp_path} holds another run's files (params.npz, metrics.json); "
                                  f"choose another folder, or pass --overwrite to replace them")


def test_a_new_or_empty_folder_is_accepted(tmp_path):
    folder.check_out(tmp_path / "new" / "run")  # made when the files are written
    folder.check_out(tmp_path)


@pytest.mark.parametrize("lacking", ["W_OK", "X_OK"])
def test_a_folder_lacking_write_or_search_permission_is_refused(tmp_path, monkeypatch, lacking):
    # root may write anywhere: the folder's permissions as a user's
    monkeypatch.setattr(folder.os, "access", lambda path, mode: not mode & getattr(os, lacking))
    with pytest.raises(ValueError) as refused:
        folder.check_out(tmp_path / "run")
    assert str(refused.value) == f"--out {tmp_path / 'run'}: cannot write into {tmp_path}"


def test_a_file_in_the_way_is_refused_even_where_it_could_be_written(tmp_path, monkeypatch):
    (tmp_path / "afile").write_text("mine")
    monkeypatch.setattr(folder.os, "access", lambda path, mode: True)
    with pytest.raises(ValueError, match="cannot write into"):
        folder.check_out(tmp_path / "afile" / "run")


def test_an_earlier_metrics_json_is_gone_before_the_first_file_is_written(tmp_path):
    (tmp_path / "metrics.json").write_text("an earlier run's")
    seen = []
    run = folder.RunFolder(tmp_path)
    run.write("params.npz", lambda path: seen.append((tmp_path / "metrics.json").exists()))
    assert seen == [False]


@pytest.mark.parametrize("error, why", [
    (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
    (OSError("the disk went away"), "the disk went away"), (OSError(), "OSError"),
    (PermissionError(), "PermissionError")])
def test_a_failed_write_says_why_in_the_errors_own_words_or_its_type(tmp_path, error, why):
    def fail(path):
        raise error

    run = folder.RunFolder(tmp_path)
    with pytest.raises(folder.WriteError) as failed:
        run.write("params.npz", fail)
    assert str(failed.value) == (f"could not write {tmp_path / 'params.npz'} ({why}); nothing of this "
                                 f"run was written")


@pytest.mark.parametrize("prep", [None, {"kind": np.array("channel"), "mean": np.zeros(3072),
                                          "scale": np.linspace(0.5, 2.0, 3072)}])
def test_a_run_shows_the_weights_as_they_act_on_pixels_and_records_its_history(tmp_path, monkeypatch, prep):
    pytest.importorskip("matplotlib")
    shown = []
    monkeypatch.setattr(folder.plots, "save_weights",
                        lambda path, W1, image_shape=None: shown.append((W1, image_shape)))
    W1 = np.random.default_rng(0).standard_normal((3072, 2))
    params = {"W1": W1, "b1": np.zeros(2), "W2": np.zeros((2, 10)), "b2": np.zeros(10)}
    history = {"loss_history": [2.3, 2.2], "train_acc_history": [0.1], "val_acc_history": [0.2]}
    folder.write_run(folder.RunFolder(tmp_path), params, history, {"test_acc": 0.5}, prep)
    [(weights, image_shape)] = shown
    expected = W1 if prep is None else prep["scale"][:, None] * W1  # per-channel scale: V = scale * W1
    assert np.array_equal(weights, expected) and image_shape == (32, 32, 3)
    metrics = json.loads((tmp_path / "metrics.json").read_text())
    assert metrics["history"] == history and metrics["test_acc"] == 0.5
