"""What a new user hits: a finished run is never thrown away, every failure is one line."""

import errno
import json

import jax
import numpy as np
import pytest

import jaxnet
from jaxnet import artifacts, checks
from jaxnet.cli import folder, sweep_cifar10, train_cifar10

SPLIT = ["--num-training", "40", "--num-validation", "10", "--num-test", "10"]
TINY = [*SPLIT, "--num-iters", "4", "--batch-size", "8", "--hidden-size", "3", "--quiet"]


def one_line_error(capsys, main, argv, code=1):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


def test_test_time_shifts_without_flips_score_the_run(data_dir, tmp_path):
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY,
                               "--tta-shift", "1"]) == 0
    m = json.loads((out / "metrics.json").read_text())
    assert m["config"]["tta_shift"] == 1 and m["val_acc"] is not None


def test_a_failure_after_training_leaves_the_params(data_dir, tmp_path, capsys, monkeypatch):
    """A full disk while writing metrics.json: one line, and the params already on disk."""
    def full_disk(path, obj):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(artifacts, "save_json", full_disk)
    out = tmp_path / "run"
    err = one_line_error(capsys, train_cifar10.main,
                         ["--data-dir", str(data_dir), "--out", str(out), *TINY])
    assert "No space left on device" in err
    assert artifacts.load_params(out / "params.npz")["W1"].shape == (3072, 3)
    assert not (out / "metrics.json").exists()  # the folder says it is incomplete


def test_eval_checkpoint_needs_the_preprocessing_it_was_trained_with(data_dir, tmp_path, capsys):
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY,
                               "--preprocess", "channel"]) == 0
    (out / "preprocess.npz").unlink()
    err = one_line_error(capsys, train_cifar10.main,
                         ["--data-dir", str(data_dir), *SPLIT,
                          "--eval-checkpoint", str(out / "params.npz")])
    assert "'channel'-preprocessed" in err and "preprocess.npz is missing" in err


def test_eval_checkpoint_refuses_flags_that_do_not_apply(data_dir, tmp_path, capsys):
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY]) == 0
    err = one_line_error(capsys, train_cifar10.main,
                         ["--data-dir", str(data_dir), *SPLIT, "--preprocess", "zca",
                          "--eval-checkpoint", str(out / "params.npz")])
    assert "--preprocess" in err and "does not apply to --eval-checkpoint" in err.replace("do(es)", "does")


@pytest.mark.parametrize("content", [b"PK\x03\x04 truncated", b"just some text\n"])
def test_corrupt_checkpoint_and_state_are_one_line(data_dir, tmp_path, capsys, content):
    bad = tmp_path / "params.npz"
    bad.write_bytes(content)
    err = one_line_error(capsys, train_cifar10.main,
                         ["--data-dir", str(data_dir), *SPLIT, "--eval-checkpoint", str(bad)])
    assert str(bad) in err
    out = tmp_path / "run"
    out.mkdir()
    (out / "state.npz").write_bytes(content)
    err = one_line_error(capsys, train_cifar10.main,
                         ["--data-dir", str(data_dir), "--out", str(out), *TINY, "--resume"])
    assert "state.npz" in err


def test_resume_without_a_state_says_what_to_do(tmp_path, capsys):
    err = one_line_error(capsys, train_cifar10.main, ["--out", str(tmp_path), "--resume"])
    assert "--checkpoint-every" in err and "when interrupted" not in err


def test_an_unwritable_compile_cache_is_one_line(data_dir, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    err = one_line_error(capsys, train_cifar10.main,
                         ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *TINY,
                          "--compile-cache", str(blocker / "cache")])
    assert "--compile-cache" in err


def test_usage_errors_are_one_line_too(capsys):
    err = one_line_error(capsys, train_cifar10.main, ["--no-such-flag"], code=2)
    assert err.startswith("train-cifar10: error:") and "--help" in err


def test_halving_with_too_few_configs_says_so(data_dir, tmp_path, capsys):
    err = one_line_error(capsys, sweep_cifar10.main,
                         ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *TINY,
                          "--search", "halving", "--learning-rates", "1e-3", "1e-2", "--regs", "0.2"])
    assert "needs more configs than --eta (3)" in err


def test_resuming_a_finished_run_records_no_training_time(data_dir, tmp_path):
    out = tmp_path / "run"
    argv = ["--data-dir", str(data_dir), "--out", str(out), *TINY, "--checkpoint-every", "1"]
    assert train_cifar10.main(argv) == 0
    first = json.loads((out / "metrics.json").read_text())
    assert first["train_time_s"] > 0
    assert train_cifar10.main([*argv, "--resume"]) == 0
    again = json.loads((out / "metrics.json").read_text())
    assert again["train_time_s"] is None
    assert again["history"] == first["history"]


def test_preprocessing_help_says_what_it_wants(capsys):
    with pytest.raises(SystemExit):
        train_cifar10.main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "wants std 'he' and a larger learning rate" in text


def test_checkpoint_loader_names_the_missing_preprocessing_only_when_needed(tmp_path):
    params = {"W1": np.zeros((3072, 2), np.float32), "b1": np.zeros(2, np.float32),
              "W2": np.zeros((2, 10), np.float32), "b2": np.zeros(10, np.float32)}
    folder.write_params(tmp_path, params)
    assert folder.load_checkpoint(tmp_path / "params.npz")[1] is None  # no record: mean image


@pytest.mark.parametrize("argv, message", [
    (["--num-iters", "100000000000"], "int32"),
    (["--epochs", "1e12"], "int32"),
    (["--num-iters", "100000000"], "needs about 1.6 GB"),
])
def test_an_absurd_run_length_is_one_line_before_the_data(tmp_path, capsys, monkeypatch, argv,
                                                          message):
    """Beyond the program's int32 count, or a loss history larger than the memory (made 1 GB
    here): one line naming why, before the data is looked for."""
    monkeypatch.setattr(checks, "memory_bytes", lambda: 10**9)
    err = one_line_error(capsys, train_cifar10.main,
                         ["--data-dir", str(tmp_path / "no-data-here"), "--out",
                          str(tmp_path / "o"), *SPLIT, *argv])
    assert message in err and "no-data-here" not in err


def test_the_library_refuses_a_history_larger_than_the_memory(monkeypatch):
    monkeypatch.setattr(checks, "memory_bytes", lambda: 10**9)
    X, y = np.zeros((4, 3), np.float32), np.zeros(4, np.int32)
    params = {"W1": np.zeros((3, 2), np.float32), "b1": np.zeros(2, np.float32),
              "W2": np.zeros((2, 2), np.float32), "b2": np.zeros(2, np.float32)}
    with pytest.raises(ValueError, match="about 1.6 GB .16 bytes per update.*1.0 GB"):
        jaxnet.train(params, X, y, X, y, num_iters=10**8, key=jax.random.key(0))
    with pytest.raises(ValueError, match="4 runs of 25,000,000 updates"):
        jaxnet.sweep(X, y, X, y, [{"hidden_size": 2, "learning_rate": r} for r in (1e-3, 1e-2, 1e-1, 1.0)],
                     num_classes=2, num_iters=25 * 10**6)


def test_running_out_of_device_memory_is_one_line(data_dir, tmp_path, capsys, monkeypatch):
    def too_big(*args, **kwargs):
        raise jax.errors.JaxRuntimeError("RESOURCE_EXHAUSTED: Out of memory allocating "
                                         "80000000000 bytes.\nthe rest of XLA's report")
    monkeypatch.setattr(jaxnet, "fit", too_big)
    err = one_line_error(capsys, train_cifar10.main,
                         ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *TINY])
    assert "ran out of memory" in err and "80000000000 bytes" in err and "--batch-size" in err
