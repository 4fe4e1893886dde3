"""What a new user hits: a finished run is never thrown away (nor rewritten by --resume),
a run too large for the memory is refused instead of hanging, every failure is one line."""

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import jax
import numpy as np
import pytest

import jaxnet
from jaxnet import artifacts, checks
from jaxnet.cli import sweep_cifar10, train_cifar10

ROOT = Path(__file__).resolve().parent.parent

SPLIT = ["--num-training", "40", "--num-validation", "10", "--num-test", "10"]
TINY = [*SPLIT, "--num-iters", "4", "--batch-size", "8", "--hidden-size", "3", "--quiet"]


def one_line_error(capsys, main, argv, code=1):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


@pytest.mark.slow
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


def test_eval_checkpoint_refuses_flags_that_do_not_apply(data_dir, tmp_path, capsys):
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY]) == 0
    err = one_line_error(capsys, train_cifar10.main,
                         ["--data-dir", str(data_dir), *SPLIT, "--preprocess", "zca",
                          "--eval-checkpoint", str(out / "params.npz")])
    assert "--preprocess" in err and "does not apply to --eval-checkpoint" in err.replace("do(es)", "does")


def test_eval_checkpoint_names_every_flag_that_does_not_apply_in_order(tmp_path, capsys):
    """Refused before the checkpoint is read (there is none here), each flag named, sorted."""
    err = one_line_error(capsys, train_cifar10.main, [
        "--eval-checkpoint", str(tmp_path / "none.npz"), "--seed", "3", "--preprocess", "zca",
        "--hidden-size", "5", "--reg", "0.1", "--learning-rate", "0.1", "--batch-size", "4"])
    assert err == ("train-cifar10: error: --batch-size, --hidden-size, --learning-rate, --preprocess, --reg, "
                   "--seed do(es) not "
                   "apply to --eval-checkpoint, which scores the saved net as it was trained")


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


def test_resuming_a_finished_run_rewrites_nothing(data_dir, tmp_path, capsys):
    out = tmp_path / "run"
    argv = ["--data-dir", str(data_dir), "--out", str(out), *TINY, "--checkpoint-every", "1"]
    assert train_cifar10.main(argv) == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    assert json.loads(before["metrics.json"][0])["train_time_s"] > 0
    capsys.readouterr()
    assert train_cifar10.main(["--out", str(out), "--resume"]) == 0  # no data needed
    assert "had finished" in capsys.readouterr().out
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before


@pytest.fixture
def interrupted(data_dir, tmp_path, monkeypatch):
    """(a run's folder, its flags) as a run of 24 updates left it after its first piece of
    8 (its state.npz written, then the process gone)."""
    out = tmp_path / "run"
    argv = ["--data-dir", str(data_dir), "--out", str(out), *SPLIT, "--num-iters", "24",
            "--batch-size", "8", "--hidden-size", "3", "--learning-rate", "0.01",
            "--checkpoint-every", "1.6", "--quiet"]
    save = jaxnet.save_state

    def save_then_stop(*args, **kwargs):
        save(*args, **kwargs)
        raise SystemExit(130)

    monkeypatch.setattr(jaxnet, "save_state", save_then_stop)
    with pytest.raises(SystemExit):
        train_cifar10.main(argv)
    monkeypatch.undo()
    assert sorted(p.name for p in out.iterdir()) == ["state.npz"]
    return out, argv


@pytest.mark.slow
def test_resume_takes_the_runs_options_from_its_state(interrupted, data_dir, tmp_path):
    out, argv = interrupted
    stopped = jaxnet.load_state(out / "state.npz")[1]
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), "--resume",
                               "--quiet"]) == 0
    m = json.loads((out / "metrics.json").read_text())
    assert (m["config"]["hidden_size"], m["config"]["learning_rate"], m["num_iters"]) == (3, 0.01, 24)
    assert m["config"]["num_training"] == 40 and m["num_test"] == 10
    assert m["train_time_s"] >= stopped["train_time_s"] > 0  # the time before it counts too
    whole = tmp_path / "whole"
    assert train_cifar10.main([*argv[:2], "--out", str(whole), *argv[4:]]) == 0
    resumed, uninterrupted = (artifacts.load_params(d / "params.npz") for d in (out, whole))
    for k in resumed:
        np.testing.assert_array_equal(resumed[k], uninterrupted[k], err_msg=k)


@pytest.mark.slow
def test_resume_refuses_flags_that_differ_naming_them(interrupted, data_dir, capsys):
    out, argv = interrupted
    err = one_line_error(capsys, train_cifar10.main, [
        "--data-dir", str(data_dir), "--out", str(out), "--resume", "--hidden-size", "4",
        "--learning-rate", "0.01", "--num-training", "30"])
    assert err == ("train-cifar10: error: --resume: the saved run has hidden_size=3, "
                   "num_training=40, this one hidden_size=4, num_training=30; leave out "
                   f"--hidden-size, --num-training to continue the run in {out} as it was "
                   "started")
    err = one_line_error(capsys, train_cifar10.main, [*argv, "--resume", "--preset", "tuned"])
    # tuned's options, less those given as flags: its reg 0.2, not the notebook's 0.25
    assert "the saved run has reg=0.25, this one reg=0.2; leave out --reg " in err
    assert train_cifar10.main([*argv, "--resume"]) == 0  # the same flags again agree


@pytest.mark.slow
@pytest.mark.parametrize("hidden", ["10000000", "1000000000"])
def test_a_net_too_large_for_the_memory_is_one_line_not_a_hang(data_dir, tmp_path, hidden):
    """Before the check, a failed allocation inside XLA's program blocked the run for ever:
    here it must end by itself (the time limit only stops a hang)."""
    env = dict(os.environ, JAX_PLATFORMS="cpu")
    proc = subprocess.Popen(
        [sys.executable, "scripts/train_cifar10.py", "--data-dir", str(data_dir), *SPLIT,
         "--num-iters", "50", "--batch-size", "8", "--hidden-size", hidden, "--out",
         str(tmp_path / "out")], cwd=ROOT, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 1 and stdout == ""
    assert stderr.startswith(f"train-cifar10: error: training {int(hidden):,} hidden units ")
    assert len(stderr.splitlines()) == 1 and "more than" in stderr
    assert not (tmp_path / "out").exists()


def test_preprocessing_help_says_what_it_wants(capsys):
    with pytest.raises(SystemExit):
        train_cifar10.main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "wants std 'he' and a larger learning rate" in text


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
                          str(tmp_path / "o"), *SPLIT, "--batch-size", "8", *argv])
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


@pytest.mark.parametrize("flags, line", [
    (["--checkpoint-every", "0"], "--checkpoint-every must be > 0, got 0"),
    (["--checkpoint-every", "-0.5"], "--checkpoint-every must be > 0, got -0.5"),
    (["--checkpoint-every", "1", "--data-parallel"],
     "--checkpoint-every and --resume do not combine with --data-parallel")])
def test_checkpoint_flags_that_cannot_apply_are_refused_before_the_data_is_read(tmp_path, capsys, flags, line):
    missing_data = ["--data-dir", str(tmp_path / "no-data")]  # reading data would fail
    err = one_line_error(capsys, train_cifar10.main, [*missing_data, "--out", str(tmp_path / "o"), *TINY, *flags])
    assert err == "train-cifar10: error: " + line


@pytest.mark.slow
def test_a_state_whose_params_do_not_fit_its_options_is_refused(data_dir, tmp_path, capsys):
    """A state.npz whose stored options say batches of 4 beside a program state of batches of 8 (a
    file edited or mixed up): --resume names the mismatch instead of going on with either."""
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY,
                               "--checkpoint-every", "1"]) == 0
    state, extra = jaxnet.load_state(out / "state.npz")
    jaxnet.save_state(out / "state.npz", state, extra={**extra, "batch_size": 4})
    err = one_line_error(capsys, train_cifar10.main, ["--data-dir", str(data_dir), "--out", str(out), "--resume"])
    assert err == ("train-cifar10: error: the saved run has batch_size=8, this one batch_size=4; "
                   "resume with the run's own options")


@pytest.mark.slow
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_the_runs_dtype_is_switched_on_before_training(data_dir, tmp_path, monkeypatch, dtype):
    from jaxnet.cli import machine

    enabled, fit = [], jaxnet.fit

    def fit_after_enabling(*args, **kwargs):
        enabled.append("fit")
        return fit(*args, **kwargs)

    monkeypatch.setattr(machine, "enable_dtype", enabled.append)
    monkeypatch.setattr(jaxnet, "fit", fit_after_enabling)
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *TINY,
                               "--dtype", dtype]) == 0
    assert enabled == [dtype, "fit"]


def run_here(argv):
    """train-cifar10's run() in this process, without main()'s handling of Ctrl-C (which ends the
    process at once)."""
    from jaxnet.cli import common
    return train_cifar10.run(train_cifar10.parse_args(argv), common.flags_in(argv))


@pytest.mark.slow
def test_an_interrupt_during_a_state_write_writes_it_again_and_says_where(data_dir, tmp_path, monkeypatch):
    """Ctrl-C lands while the first piece's state is being written (the atomic write leaves no
    file): the interrupted run writes that state, then says where and how to go on."""
    out, calls, save = tmp_path / "run", [], jaxnet.save_state

    def save_interrupted_once(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 1:
            raise KeyboardInterrupt
        return save(*args, **kwargs)

    monkeypatch.setattr(jaxnet, "save_state", save_interrupted_once)
    with pytest.raises(KeyboardInterrupt) as interrupted:
        run_here(["--data-dir", str(data_dir), "--out", str(out), *SPLIT, "--num-iters", "12",
                  "--batch-size", "8", "--hidden-size", "3", "--checkpoint-every", "1", "--quiet"])
    assert str(interrupted.value) == f"wrote {out / 'state.npz'} at iteration 5; continue with --resume"
    assert jaxnet.load_state(out / "state.npz")[0].iteration == 5 and len(calls) == 2


def test_an_interrupt_without_a_checkpoint_flag_writes_nothing_and_stays_one(data_dir, tmp_path, monkeypatch):
    def fit_interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(jaxnet, "fit", fit_interrupted)
    out = tmp_path / "run"
    with pytest.raises(KeyboardInterrupt) as interrupted:
        run_here(["--data-dir", str(data_dir), "--out", str(out), *TINY])
    assert str(interrupted.value) == "" and not out.exists()


@pytest.mark.slow
@pytest.mark.parametrize("num_test, test", [("10", "test accuracy {test_acc:.4f} (first 10 test images)"),
                                            ("0", "test not evaluated")])
def test_a_run_prints_its_accuracies_and_times(data_dir, tmp_path, capsys, num_test, test):
    out = tmp_path / "run"
    argv = ["--data-dir", str(data_dir), "--out", str(out), *TINY, "--num-test", num_test]
    assert train_cifar10.main(argv) == 0
    metrics = json.loads((out / "metrics.json").read_text())
    accuracies, wrote = capsys.readouterr().out.splitlines()[-2:]
    assert accuracies.startswith(f"val accuracy {metrics['val_acc']:.4f}  " + test.format(**metrics) + "  train ")
    assert accuracies.endswith(f" s (loading {metrics['load_time_s']:.1f} s)") and wrote.startswith("wrote ")


def test_the_memory_check_counts_the_rows_to_be_scored(tmp_path, capsys, monkeypatch):
    """40 training rows fit in 100 MB; 49,000 validation rows to score do not: refused before
    the data is read, naming the memory."""
    monkeypatch.setattr(checks, "available_bytes", lambda: 10**8)
    argv = ["--data-dir", str(tmp_path / "no-data"), "--out", str(tmp_path / "o"), "--num-training", "40",
            "--num-test", "10", "--batch-size", "8", "--hidden-size", "3", "--num-iters", "4", "--quiet"]
    assert "CIFAR-10" in one_line_error(capsys, train_cifar10.main, [*argv, "--num-validation", "10"])
    err = one_line_error(capsys, train_cifar10.main, [*argv, "--num-validation", "49000"])
    assert err.startswith("train-cifar10: error: training 3 hidden units on minibatches of 8 rows needs about ")
    assert err.endswith("more than this machine's available memory (0.1 GB); train fewer hidden units "
                        "(hidden_size) or smaller minibatches (batch_size)")


@pytest.mark.slow
def test_a_checkpoint_period_under_one_update_saves_after_every_update(data_dir, tmp_path, monkeypatch):
    """--checkpoint-every 0.1 of an epoch of 5 updates rounds to none: every update, not never."""
    saved, save = [], jaxnet.save_state
    monkeypatch.setattr(jaxnet, "save_state", lambda path, state, **kw: saved.append(state.iteration) or save(path, state, **kw))
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *TINY,
                               "--checkpoint-every", "0.1"]) == 0
    assert saved == [1, 2, 3, 4]


@pytest.mark.slow
def test_a_finished_state_without_its_metrics_json_writes_the_runs_files(data_dir, tmp_path, capsys):
    """The process ended after training but before metrics.json: --resume writes the files,
    rather than calling the run finished."""
    out = tmp_path / "run"
    argv = ["--data-dir", str(data_dir), "--out", str(out), *TINY, "--checkpoint-every", "1"]
    assert train_cifar10.main(argv) == 0
    metrics = json.loads((out / "metrics.json").read_text())
    (out / "metrics.json").unlink()
    trained_for = jaxnet.load_state(out / "state.npz")[1]["train_time_s"]
    capsys.readouterr()
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), "--resume"]) == 0
    assert "had finished" not in capsys.readouterr().out
    again = json.loads((out / "metrics.json").read_text())
    assert (again["val_acc"], again["history"]) == (metrics["val_acc"], metrics["history"])
    assert again["train_time_s"] == trained_for  # no more training: the time its state recorded
    assert (out / "state.npz").exists()  # the run's state stays beside its files


@pytest.mark.slow
def test_a_preprocessed_runs_weights_are_drawn_as_they_act_on_pixels(data_dir, tmp_path, monkeypatch):
    from jaxnet import plots, preprocess

    shown = []
    monkeypatch.setattr(plots, "save_weights", lambda path, W1, image_shape: shown.append(W1))
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY, "--preprocess", "channel"]) == 0
    prep = artifacts.load_arrays(out / "preprocess.npz")
    W1 = artifacts.load_params(out / "params.npz")["W1"]
    [drawn] = shown
    np.testing.assert_allclose(drawn, preprocess.pixel_weights(prep, W1), rtol=1e-6)
    assert not np.allclose(drawn, W1, rtol=1e-3)  # the scale matters here


@pytest.mark.slow
def test_an_earlier_runs_state_goes_when_a_run_without_checkpoints_replaces_it(data_dir, tmp_path):
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY, "--checkpoint-every", "1"]) == 0
    assert (out / "state.npz").exists()
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY, "--overwrite"]) == 0
    assert not (out / "state.npz").exists()  # it would resume the other run


@pytest.mark.slow
def test_a_fresh_runs_training_time_is_its_run_time(data_dir, tmp_path):
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY]) == 0
    m = json.loads((out / "metrics.json").read_text())
    assert m["train_time_s"] == pytest.approx(m["wall_time_s"] - m["trace_time_s"] - m["compile_time_s"], abs=1e-9)


@pytest.mark.slow
def test_a_state_that_does_not_record_its_training_time_resumes_with_it_unknown(interrupted, data_dir):
    """An older jaxnet's state.npz, without train_time_s: the run goes on, and its time is unknown
    (None), not counted from zero."""
    out, argv = interrupted
    state, extra = jaxnet.load_state(out / "state.npz")
    jaxnet.save_state(out / "state.npz", state, extra={k: v for k, v in extra.items() if k != "train_time_s"})
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), "--resume", "--quiet"]) == 0
    assert json.loads((out / "metrics.json").read_text())["train_time_s"] is None
    assert jaxnet.load_state(out / "state.npz")[1]["train_time_s"] is None


@pytest.mark.slow
def test_resume_goes_on_from_the_saved_update_not_from_the_start(interrupted, data_dir, monkeypatch):
    out, argv = interrupted
    saved, save = [], jaxnet.save_state
    monkeypatch.setattr(jaxnet, "save_state", lambda path, state, **kw: saved.append(state.iteration) or save(path, state, **kw))
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), "--resume", "--quiet",
                               "--checkpoint-every", "1.6"]) == 0
    assert saved == [16, 24]  # the state was saved at 8; pieces of 8 updates


@pytest.mark.slow
def test_data_parallel_reaches_the_run(data_dir, tmp_path, monkeypatch):
    asked, fit = [], jaxnet.fit
    monkeypatch.setattr(jaxnet, "fit", lambda *a, **kw: asked.append(kw["data_parallel"]) or fit(*a, **kw))
    for flags in ([], ["--data-parallel"]):
        assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(tmp_path / str(len(flags))),
                                   *TINY, *flags]) == 0
    assert asked == [False, True]


@pytest.mark.slow
def test_an_interrupted_resume_without_checkpoints_keeps_the_state_it_resumed(interrupted, data_dir, monkeypatch):
    out, argv = interrupted
    before = (out / "state.npz").read_bytes()

    def fit_interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(jaxnet, "fit", fit_interrupted)
    with pytest.raises(KeyboardInterrupt) as interrupt:
        run_here(["--data-dir", str(data_dir), "--out", str(out), "--resume", "--quiet"])
    assert str(interrupt.value) == "" and (out / "state.npz").read_bytes() == before
