"""The command-line programs on a tiny fake CIFAR-10 folder."""

import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from jaxnet import artifacts, data, presets
from jaxnet.cli import sweep_cifar10, train_cifar10
from tests.helpers import receiving_sigint, sigint_ignored
from tests.fake_cifar import write_fake_cifar10

pytestmark = pytest.mark.slow  # the programs, run whole (most in their own processes)

ROOT = Path(__file__).resolve().parent.parent
SPLIT = ["--num-training", "80", "--num-validation", "20", "--num-test", "10"]
SLOW = 600  # seconds: generous limits, as a busy machine (a second test suite) compiles slowly


@pytest.fixture(scope="module")
def trained(data_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    code = train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *SPLIT,
                               "--num-iters", "12", "--batch-size", "8", "--hidden-size", "7",
                               "--learning-rate", "1e-3", "--quiet"])
    assert code == 0
    return out


def test_train_writes_every_file(trained):
    assert sorted(p.name for p in trained.iterdir()) == [
        "curves.png", "metrics.json", "params.npz", "weights.png"]
    for png in ("curves.png", "weights.png"):
        assert (trained / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_metrics_json(trained):
    m = json.loads((trained / "metrics.json").read_text())
    assert isinstance(m["val_acc"], float) and 0 <= m["val_acc"] <= 1
    assert isinstance(m["test_acc"], float) and m["num_test"] == 10
    assert m["config"]["hidden_size"] == 7 and m["config"]["num_iters"] == 12
    assert m["seed"] == 0 and m["jax_version"] and m["device"] and m["platform"] == "cpu"
    assert len(m["history"]["loss_history"]) == 12
    assert len(m["history"]["val_acc_history"]) == 2  # 80 // 8 = 10 iterations per epoch
    assert m["wall_time_s"] > 0 and m["compile_time_s"] > 0 and m["trace_time_s"] > 0
    assert m["train_time_s"] + m["compile_time_s"] + m["trace_time_s"] == pytest.approx(
        m["wall_time_s"])


def test_params_npz_loads_without_pickle(trained):
    with np.load(trained / "params.npz", allow_pickle=False) as f:
        # the params, and the record of how they are scored (tests/test_checkpoint.py)
        assert sorted(f.files) == ["W1", "W2", "b1", "b2", "record", "record.mean_image"]
        assert f["W1"].shape == (3072, 7) and f["b2"].shape == (10,)


def test_eval_checkpoint_reproduces_metrics(trained, data_dir, capsys):
    code = train_cifar10.main(["--data-dir", str(data_dir), *SPLIT,
                               "--eval-checkpoint", str(trained / "params.npz")])
    assert code == 0
    scores = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    m = json.loads((trained / "metrics.json").read_text())
    assert scores == pytest.approx({"val_acc": m["val_acc"], "test_acc": m["test_acc"]})


def expect_one_line_error(capsys, argv, pattern, main=train_cifar10.main):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1 and pattern in lines[0], err
    return lines[0]


def test_missing_data_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("CIFAR10_DIR", raising=False)
    line = expect_one_line_error(capsys, ["--data-dir", str(tmp_path / "none"), "--quiet"],
                                 "CIFAR-10 not found at")
    assert "--download" in line
    expect_one_line_error(capsys, ["--quiet"], "CIFAR10_DIR is not set")


def test_corrupted_and_unsafe_batches_are_one_line(tmp_path, capsys):
    root = tmp_path / "cifar"
    write_fake_cifar10(root)
    (root / "data_batch_3").write_bytes((root / "data_batch_3").read_bytes()[:5000])
    argv = ["--data-dir", str(root), "--out", str(tmp_path / "out"), *SPLIT, "--batch-size", "8"]
    expect_one_line_error(capsys, argv, "data_batch_3: corrupted")
    (root / "data_batch_3").write_bytes(b"cos\nsystem\n(S'echo hi'\ntR.")
    expect_one_line_error(capsys, argv, "refusing to load global os.system")


def test_divergence_stops_with_message_and_writes_nothing(data_dir, tmp_path, capsys):
    out = tmp_path / "out"
    expect_one_line_error(capsys, ["--data-dir", str(data_dir), "--out", str(out), *SPLIT,
                                   "--num-iters", "30", "--batch-size", "8", "--std", "1",
                                   "--learning-rate", "1e6", "--quiet"], "training diverged")
    assert not out.exists()


def test_bad_flag_value_is_one_line(data_dir, capsys):
    expect_one_line_error(capsys, ["--data-dir", str(data_dir), *SPLIT, "--batch-size", "0",
                                   "--quiet"], "batch_size must be > 0")


def test_sweep_writes_results_and_best(data_dir, tmp_path, capsys):
    out = tmp_path / "sweep"
    code = sweep_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *SPLIT,
                               "--hidden-sizes", "5", "6", "--learning-rates", "1e-4", "1e-3",
                               "--regs", "0.1", "--num-iters", "10", "--batch-size", "8",
                               "--quiet"])
    assert code == 0
    printed = capsys.readouterr().out
    assert "val_acc" in printed and "best:" in printed
    s = json.loads((out / "sweep.json").read_text())
    assert len(s["results"]) == 4
    assert {(r["hidden_size"], r["learning_rate"]) for r in s["results"]} == {
        (5, 1e-4), (5, 1e-3), (6, 1e-4), (6, 1e-3)}
    best = s["best"]
    assert best["val_acc"] == max(r["val_acc"] for r in s["results"])
    assert isinstance(best["test_acc"], float)
    with np.load(out / "params.npz", allow_pickle=False) as f:
        assert f["W1"].shape == (3072, best["hidden_size"])
    assert (out / "curves.png").exists() and (out / "weights.png").exists()
    m = json.loads((out / "metrics.json").read_text())
    assert m["test_acc"] == best["test_acc"]
    assert printed.strip().splitlines()[-1] == "wrote " + ", ".join(str(out / name) for name in (
        "params.npz", "sweep.json", "curves.png", "weights.png", "metrics.json"))
    # The best net's checkpoint scores as the sweep scored it.
    assert train_cifar10.main(["--data-dir", str(data_dir), "--eval-checkpoint",
                               str(out / "params.npz")]) == 0
    scores = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert scores == pytest.approx({"val_acc": best["val_acc"], "test_acc": best["test_acc"]})


def test_sweep_prints_writes_and_records_every_config_as_worked_here(data_dir, tmp_path, capsys):
    """Two configs, one diverging, scored with mirrored views: the table, the best line,
    sweep.json and metrics.json line by line and key by key, the accuracies worked out in
    NumPy from the raw pixels and the written params (summing each image's and its mirror's
    scores, which here differs from the plain accuracy the training recorded)."""
    out = tmp_path / "sweep"
    flags = ["--data-dir", str(data_dir), "--out", str(out), *SPLIT, "--hidden-sizes", "20",
             "--learning-rates", "1e-2", "1e6", "--regs", "0.1", "--num-iters", "10",
             "--batch-size", "8", "--std", "1", "--tta-flip", "--quiet"]
    assert sweep_cifar10.main(flags) == 0
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    s = json.loads((out / "sweep.json").read_text())
    m = json.loads((out / "metrics.json").read_text())
    with np.load(out / "params.npz", allow_pickle=False) as f:
        params = {k: f[k].astype(np.float64) for k in ("W1", "b1", "W2", "b2")}
    X_train, y_train, X_test, y_test, _ = data.load_cifar10(data_dir)
    mean = X_train[:80].astype(np.float64).mean(0)

    def scores(X):
        return np.maximum(0, X.reshape(len(X), -1) @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]

    def accuracy(X, y, mirrored=True):
        centred = X - mean
        total = scores(centred) + (scores(centred[:, :, ::-1]) if mirrored else 0)
        return float(np.mean(np.argmax(total, axis=1) == y))

    val_acc, test_acc = accuracy(X_train[80:100], y_train[80:100]), accuracy(X_test[:10], y_test[:10])
    plain = accuracy(X_train[80:100], y_train[80:100], mirrored=False)
    assert plain != val_acc  # the views change the score here: the test tells them apart
    good, wild = s["results"]
    assert (good["diverged"], wild["diverged"]) == (False, True)
    assert good["val_acc"] == pytest.approx(val_acc) and good["rung_val_acc"] == [pytest.approx(plain)]
    assert lines[:3] == ["  learning_rate  val_acc  iterations",
                         f"           0.01  {val_acc:.4f}          10",
                         f"          1e+06  {wild['val_acc']:.4f}          10  diverged"]
    assert re.fullmatch(rf"best: learning_rate 0\.01, reg 0\.1: val accuracy {val_acc:.4f}  test accuracy "
                        rf"{test_acc:.4f} \(first 10 test images\); 2 configs in .+", lines[3])
    config = {"hidden_size": 20, "seed": 0, "learning_rate": 0.01, "learning_rate_decay": 0.95, "reg": 0.1,
              "momentum": 0.9, "weight_decay": 0.0, "dropout": 0.0, "label_smoothing": 0.0, "mixup": 0.0}
    assert {k: v for k, v in good.items() if k in config} == config and wild["learning_rate"] == 1e6
    assert set(good) == {*config, "val_acc", "diverged", "iterations", "rung_val_acc", "stopped_at_rung"}
    assert good["iterations"] == wild["iterations"] == 10 and good["stopped_at_rung"] is None
    assert s["search"] == "grid" and s["trained_iterations"] == 20 and s["num_test"] == 10
    assert s["best"] == pytest.approx({"val_acc": val_acc, "test_acc": test_acc, **config})
    assert s["flags"]["learning_rate"] == [1e-2, 1e6] and s["flags"]["tta_flip"] is True
    assert s["config"]["tta_flip"] is True and s["config"]["batch_size"] == 8 and s["config"]["std"] == 1.0
    for record in (s, m):
        assert record["jax_version"] and record["platform"] == "cpu"
    # programs compiled by an earlier test of this process take no compile time here
    assert s["wall_time_s"] > 0 and s["compile_time_s"] >= 0 and s["trace_time_s"] >= 0
    assert {k: m[k] for k in ("val_acc", "test_acc", "num_test", "seed", "num_iters")} == pytest.approx(
        {"val_acc": val_acc, "test_acc": test_acc, "num_test": 10, "seed": 0, "num_iters": 10})
    assert {k: m["config"][k] for k in (*config, "num_iters", "tta_flip")} == {**config, "num_iters": 10,
                                                                                "tta_flip": True}


def test_the_sweep_table_has_a_column_per_varied_axis(data_dir, tmp_path, capsys):
    out = tmp_path / "table"
    assert sweep_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *SPLIT, "--hidden-sizes", "4",
                               "--learning-rates", "1e-3", "2e-3", "--regs", "0.1", "0.25", "--num-iters", "2",
                               "--batch-size", "8", "--quiet"]) == 0
    lines = capsys.readouterr().out.rstrip("\n").split("\n")
    results = json.loads((out / "sweep.json").read_text())["results"]
    assert [(r["learning_rate"], r["reg"]) for r in results] == [(1e-3, 0.1), (1e-3, 0.25), (2e-3, 0.1), (2e-3, 0.25)]
    assert lines[:5] == ["  learning_rate              reg  val_acc  iterations"] + [
        f"{r['learning_rate']:>15}  {r['reg']:>15}  {r['val_acc']:.4f}           2" for r in results]


def test_a_sweep_of_one_config_without_a_test_split_keeps_its_preprocessing(data_dir, tmp_path, capsys):
    """One config of one epoch, --num-test 0 and channel standardisation: the best line says so,
    the iterations are counted, and the preprocessing is written beside the params, so that the checkpoint scores as the sweep did
    and the weights are drawn as they act on pixels."""
    from jaxnet import plots, preprocess

    out = tmp_path / "one"
    assert sweep_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), "--num-training", "80",
                               "--num-validation", "20", "--num-test", "0", "--hidden-sizes", "6",
                               "--learning-rates", "1e-2", "--regs", "0.1", "--epochs", "1",
                               "--batch-size", "8", "--preprocess", "channel", "--quiet"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    s = json.loads((out / "sweep.json").read_text())
    m = json.loads((out / "metrics.json").read_text())
    assert m["num_iters"] == m["config"]["num_iters"] == 10 and m["config"]["epochs"] == 1  # 80 rows // 8
    assert re.fullmatch(rf"best: hidden_size 6, learning_rate 0\.01, reg 0\.1: val accuracy "
                        rf"{s['best']['val_acc']:.4f}  test not evaluated; 1 config in .+", lines[2])
    assert s["best"]["test_acc"] is None and s["num_test"] == 0
    assert (out / "preprocess.npz").exists()
    assert train_cifar10.main(["--data-dir", str(data_dir), "--eval-checkpoint", str(out / "params.npz")]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["val_acc"] == pytest.approx(
        s["best"]["val_acc"])
    prep = dict(np.load(out / "preprocess.npz", allow_pickle=False))
    fitted = {k: v for k, v in prep.items() if k != "params_sha256"}
    record = artifacts.load_checkpoint(out / "params.npz")[1]
    assert record["preprocess"] == "channel" and record["preprocess_sha256"] == artifacts.arrays_fingerprint(fitted)
    with np.load(out / "params.npz", allow_pickle=False) as f:
        W1 = f["W1"]
    plots.save_weights(tmp_path / "expected.png", preprocess.pixel_weights(prep, W1), data.IMAGE_SHAPE)
    assert (out / "weights.png").read_bytes() == (tmp_path / "expected.png").read_bytes()


# ---------------------------------------------------------------------------- atomic files


def test_interrupted_write_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "metrics.json"
    artifacts.save_json(target, {"v": 1})

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        artifacts.save_json(target, {"v": 2})
    monkeypatch.undo()
    assert json.loads(target.read_text()) == {"v": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["metrics.json"]


def test_params_npz_round_trip_and_name(tmp_path):
    params = {"W1": np.ones((4, 3)), "b1": np.zeros(3), "W2": np.ones((3, 2)), "b2": np.zeros(2)}
    artifacts.save_params(tmp_path / "params.npz", params)
    assert [p.name for p in tmp_path.iterdir()] == ["params.npz"]  # no stray "x.tmp.npz"
    loaded = artifacts.load_params(tmp_path / "params.npz")
    for k in params:
        np.testing.assert_array_equal(loaded[k], params[k])
    (tmp_path / "bad.npz").write_bytes(b"nonsense")
    with pytest.raises(ValueError, match="not a params .npz"):
        artifacts.load_params(tmp_path / "bad.npz")


def test_json_has_no_nan(tmp_path):
    artifacts.save_json(tmp_path / "m.json", {"a": float("nan"), "b": np.arange(2), "c": np.float32(1.5)})
    assert json.loads((tmp_path / "m.json").read_text()) == {"a": None, "b": [0, 1], "c": 1.5}


# ---------------------------------------------------------------------------- as users run them


def run_script(args, **kw):
    env = dict(os.environ, JAX_PLATFORMS="cpu")
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=SLOW, **kw)


def test_scripts_and_console_commands_start():
    for command in (["scripts/train_cifar10.py"], ["scripts/sweep_cifar10.py"], ["-m", "bench"],
                    ["-m", "bench.xla_options"]):
        proc = run_script([*command, "--help"])
        assert proc.returncode == 0 and "usage" in proc.stdout, proc.stderr
    bin_dir = Path(sys.executable).parent
    for command in ("train-cifar10", "sweep-cifar10"):
        assert (bin_dir / command).exists(), f"console command {command} not installed"


def test_script_error_has_no_traceback(tmp_path):
    proc = run_script(["scripts/train_cifar10.py", "--data-dir", str(tmp_path / "missing")])
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr and "CIFAR-10 not found" in proc.stderr


def test_verify_script_passes_every_check():
    """``scripts/verify.py``, as a user runs it: every check against the notebook passes."""
    proc = run_script(["scripts/verify.py"])
    assert proc.returncode == 0, proc.stdout + proc.stderr
    checks = [line for line in proc.stdout.splitlines() if " < " in line]
    assert len(checks) == 24 and all(line.endswith("pass") for line in checks), proc.stdout
    assert "all checks passed" in proc.stdout and "matmul precision highest" in proc.stdout


def spawn_training(data_dir, out, num_iters, *flags):
    """The training script on the fake data set, a tiny net, as a child process with pipes."""
    env = dict(os.environ, JAX_PLATFORMS="cpu")
    return subprocess.Popen(
        [*receiving_sigint("scripts/train_cifar10.py"), "--data-dir", str(data_dir), "--out", str(out),
         *SPLIT, "--num-iters", str(num_iters), "--batch-size", "2", "--hidden-size", "4", *flags],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@contextlib.contextmanager
def training_process(data_dir, out, num_iters, *flags):
    """``spawn_training`` as a context: the child is killed on the way out, whatever happened."""
    proc = spawn_training(data_dir, out, num_iters, *flags)
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


def watch_stderr(proc, pattern):
    """(an Event set once the child's stderr shows ``pattern``, the bytes seen so far)."""
    seen, found = bytearray(), threading.Event()

    def watch():
        while chunk := proc.stderr.read(1):
            seen.extend(chunk)
            if pattern.search(seen):
                found.set()

    threading.Thread(target=watch, daemon=True).start()
    return found, seen


def test_ctrl_c_exits_cleanly_and_writes_nothing(data_dir, tmp_path):
    out = tmp_path / "out"
    # As in a suite started in the background (SIGINT ignored): the child still gets it.
    with sigint_ignored(), training_process(data_dir, out, 5000000) as proc:
        started, seen = watch_stderr(proc, re.compile(rb"it/s|it\]"))
        assert started.wait(SLOW), seen.decode(errors="replace")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=SLOW) == 130
    assert b"interrupted" in seen and b"Traceback" not in seen
    assert not out.exists()


def test_closed_stdout_ends_quietly_after_writing(data_dir, tmp_path):
    """``train_cifar10.py ... | head -1``: the files are complete and there is no traceback."""
    out = tmp_path / "out"
    with training_process(data_dir, out, 3, "--quiet") as proc:
        first = proc.stdout.readline().decode()
        proc.stdout.close()  # like head -1: the reader is gone after the first line
        stderr = proc.stderr.read().decode()
        # 1 if the program was still printing when the pipe closed, 0 if it had finished
        assert proc.wait(timeout=SLOW) in (0, 1), stderr
    assert "val accuracy" in first
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert (out / "metrics.json").exists() and (out / "params.npz").exists()


def test_missing_matplotlib_fails_before_training(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib -> ImportError
    expect_one_line_error(capsys, ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"),
                                   *SPLIT, "--batch-size", "8", "--quiet"], "needs matplotlib")
    assert not (tmp_path / "o").exists()


def test_eval_checkpoint_needs_no_matplotlib(trained, data_dir, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # nothing is drawn when scoring
    code = train_cifar10.main(["--data-dir", str(data_dir), *SPLIT,
                               "--eval-checkpoint", str(trained / "params.npz")])
    assert code == 0
    assert set(json.loads(capsys.readouterr().out.strip().splitlines()[-1])) == {"val_acc", "test_acc"}


def test_presets_set_flags_and_explicit_flags_win():
    from jaxnet import presets
    assert {"notebook", "tuned", "best", "best-long"} <= set(presets.names())
    def recipe(*argv):
        args = train_cifar10.parse_args(list(argv))
        return args, train_cifar10.recipe_of(args)

    args, r = recipe("--preset", "best")
    assert (r.hidden_size, r.preprocess, r.training.optimizer, args.num_test) == (1000, "zca", "nesterov", 10000)
    assert r.training.flip and r.training.crop == 2 and r.tta_flip and r.tta_shift == 2
    assert r == presets.recipe("best")  # the library's object
    _, r = recipe("--preset", "best", "--hidden-size", "64", "--epochs", "1")
    assert r.hidden_size == 64 and r.epochs == 1 and r.training.schedule == "cosine"
    assert recipe()[1].hidden_size == 50  # the notebook's default


def test_help_states_defaults_and_the_presets(capsys):
    def help_text(*argv):
        with pytest.raises(SystemExit) as exit_info:
            train_cifar10.parse_args([*argv, "--help"])
        assert exit_info.value.code == 0
        return " ".join(capsys.readouterr().out.split())  # argparse wraps lines

    assert "hidden units (default: 50)" in help_text()
    names = ",".join(presets.names())
    shown = help_text()
    for flag_and_help in (
            f"--preset {{{names}}} start from a named run; explicit flags override it",
            "--data-parallel split each minibatch across all devices",
            "--eval-checkpoint PARAMS_NPZ score a saved params.npz on val and test instead of training, "
            "as its run scored it",
            "--legacy-checkpoint with --eval-checkpoint, score a params.npz that does not record how "
            "(an older jaxnet's) the way the flags say",
            "--checkpoint-every EPOCHS write the run's state to --out/state.npz this often (and on Ctrl-C)",
            "--resume continue the run whose state.npz is in --out, with its options"):
        assert flag_and_help in shown, flag_and_help
    assert ("decides the initial params, the minibatches and all noise; jax.random.key's "
            "32-bit seed (default: 0)") in help_text()
    tuned = help_text("--preset", "tuned")
    assert "hidden units (default: 100)" in tuned and "rows per minibatch (default: 500)" in tuned
    assert "random horizontal flips (default: True)" in help_text("--preset", "best")


def test_preset_pipeline_runs_on_fake_data(data_dir, tmp_path, capsys):
    """The best preset's whole path (ZCA, Nesterov, cosine, flips, crops, TTA), shrunk."""
    out = tmp_path / "best"
    code = train_cifar10.main(["--preset", "best", "--data-dir", str(data_dir), "--out", str(out),
                               *SPLIT, "--hidden-size", "8", "--epochs", "2", "--batch-size", "16",
                               "--quiet"])
    assert code == 0
    m = json.loads((out / "metrics.json").read_text())
    assert m["config"]["preprocess"] == "zca" and m["num_iters"] == 10
    assert (out / "preprocess.npz").exists()
    capsys.readouterr()
    code = train_cifar10.main(["--data-dir", str(data_dir), *SPLIT, "--tta-flip", "--tta-shift", "2",
                               "--eval-checkpoint", str(out / "params.npz")])
    assert code == 0
    # The checkpoint's preprocess.npz is applied: the scores are the run's own.
    scores = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert scores == pytest.approx({"val_acc": m["val_acc"], "test_acc": m["test_acc"]})


def test_compile_cache_makes_the_second_run_load_its_programs(data_dir, tmp_path):
    """Two processes, the same shapes: the second loads every program from the cache, the
    default run's progress bar included (a bar inside the program, a host callback, would
    keep the training program out of the cache)."""
    cache = tmp_path / "cache"

    def run(name, *flags):
        env = {k: v for k, v in os.environ.items() if k != "JAX_COMPILATION_CACHE_DIR"}
        env.update(JAX_PLATFORMS="cpu", JAXNET_COMPILE_CACHE=str(cache))  # not the session's
        proc = subprocess.run(
            [sys.executable, "scripts/train_cifar10.py", "--data-dir", str(data_dir), *SPLIT,
             "--out", str(tmp_path / name), "--num-iters", "45", "--batch-size", "4",
             "--hidden-size", "3", *flags],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=SLOW)
        assert proc.returncode == 0, proc.stderr
        return json.loads((tmp_path / name / "metrics.json").read_text())["compile_cache"]

    first = run("first")
    assert first["dir"] == str(cache) and first["hits"] == 0
    assert first["misses"] == first["programs"] > 0 and any(cache.iterdir())
    second = run("second")
    assert second["hits"] == second["programs"] == first["programs"] and second["misses"] == 0
    quiet = run("quiet", "--quiet")  # one program for the whole run
    assert quiet["programs"] > 0 and quiet["hits"] + quiet["misses"] == quiet["programs"]
    pieces, whole = (np.load(tmp_path / name / "params.npz") for name in ("first", "quiet"))
    for k in ("W1", "b1", "W2", "b2"):  # the bar's pieces (20, 20, 5) train the same net
        np.testing.assert_array_equal(pieces[k], whole[k], err_msg=k)
    off = run("off", "--no-compile-cache")
    assert off["dir"] is None and off["hits"] == off["misses"] == 0 and off["programs"] > 0


def test_device_check_quick(tmp_path):
    """``scripts/device_check.py --quick``: on a CPU-only machine the "device" is the CPU, so
    the CPU and device runs must agree to the bit."""
    out = tmp_path / "check.json"
    proc = run_script(["scripts/device_check.py", "--quick", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    r = json.loads(out.read_text())
    assert r["device"].startswith("cpu") and r["verification_failures"] == 0
    assert len(r["verification"]) == 16 and all(c["pass"] for c in r["verification"].values())
    assert r["cpu_vs_device"]["max_abs_param_diff"] == 0.0
    assert r["cpu_vs_device"]["val_acc_diff"] == 0.0
    assert r["grid"]["configs"] == 24 and r["grid"]["seconds"] > 0
    assert r["matmul_gflops"]["highest"] > 0 and r["best_one_epoch"]["num_iters"] > 0


def test_metrics_record_the_iterations_a_run_in_epochs_made(data_dir, tmp_path):
    """--epochs 2 of 80 rows in batches of 8: 20 updates, recorded as num_iters beside the epochs."""
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *SPLIT, "--epochs", "2",
                               "--batch-size", "8", "--hidden-size", "3", "--quiet"]) == 0
    metrics = json.loads((out / "metrics.json").read_text())
    assert (metrics["config"]["num_iters"], metrics["config"]["epochs"]) == (20, 2.0)
    assert len(metrics["history"]["loss_history"]) == 20


def test_metrics_json_names_the_compile_cache_and_what_it_counted(data_dir, tmp_path):
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *SPLIT, "--num-iters", "4",
                               "--batch-size", "8", "--hidden-size", "3", "--no-compile-cache", "--quiet"]) == 0
    cache = json.loads((out / "metrics.json").read_text())["compile_cache"]
    assert sorted(cache) == ["dir", "hits", "misses", "programs"] and cache["dir"] is None
    assert all(isinstance(cache[k], int) and cache[k] >= 0 for k in ("hits", "misses", "programs"))
