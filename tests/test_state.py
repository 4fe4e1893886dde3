"""Resumable training: a run split anywhere, interrupted or killed, equals the run in one
piece, bit for bit."""

import contextlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import state as state_module
from jaxnet.cli import train_cifar10
from tests.helpers import count_compiles, receiving_sigint, sigint_ignored

IMAGE = (4, 4, 3)
# Every optimizer, schedule and sampling; all noise (dropout, mixup, flips, crops) on in
# both dtypes. 8 iterations per epoch: the splits fall inside epochs (3, 19) and at an
# epoch's boundary (8); the last piece ends the 30-iteration run inside its last epoch.
NOISE = dict(flip=True, crop=1, dropout=0.2, mixup=0.2, label_smoothing=0.1, weight_decay=1e-3)
RECIPES = {
    "notebook_float64": (np.float64, dict(), [3, 8, 19]),
    "adam_step_noise_float64": (np.float64, dict(optimizer="adam", schedule="step",
                                                 step_epochs=1.5, **NOISE), [8]),
    "nesterov_cosine_epoch_float32": (np.float32, dict(optimizer="nesterov", momentum=0.8,
                                                       schedule="cosine", warmup_epochs=1,
                                                       sampling="epoch"), [3, 8]),
}


def problem(dtype):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((64, 48)).astype(dtype)
    y = rng.integers(0, 3, 64)
    init_key, train_key = jaxnet.seed_keys(5)
    params = jaxnet.init_params(init_key, 48, 16, 3, std="he", dtype=dtype)
    return params, X, y, train_key


def assert_same_run(params, history, state):
    got = state.params
    for k in params:
        np.testing.assert_array_equal(got[k], params[k], err_msg=k)
    for k in history:
        np.testing.assert_array_equal(state.history[k], history[k], err_msg=k)


@pytest.mark.parametrize("name", [pytest.param(n, marks=[pytest.mark.slow] * (n != "notebook_float64"))
                                  for n in RECIPES])
def test_a_split_run_equals_the_whole_run_bit_for_bit(name):
    dtype, options, splits = RECIPES[name]
    params, X, y, key = problem(dtype)
    config = jaxnet.Config(num_iters=30, batch_size=8, learning_rate=0.05, **options)
    whole = jaxnet.train(params, X, y, X, y, config, key=key, image_shape=IMAGE)
    state = jaxnet.begin(params, key, config)
    for a, b in zip([0] + splits, splits + [30]):
        state = jaxnet.resume(state, X, y, X, y, iterations=b - a, image_shape=IMAGE)
    assert state.done and state.iteration == 30
    assert_same_run(*whole, state)


def test_chunks_of_whole_epochs_share_one_program():
    params, X, y, key = problem(np.float32)
    config = jaxnet.Config(num_iters=40, batch_size=8)
    state = jaxnet.begin(params, key, config)
    state = jaxnet.resume(state, X, y, X, y, iterations=8)  # compiles the 8-step program
    with count_compiles("run_piece") as compiles:
        for _ in range(4):
            state = jaxnet.resume(state, X, y, X, y, iterations=8)
    assert compiles() == 0 and state.done


def test_saved_state_resumes_bit_for_bit(tmp_path):
    params, X, y, key = problem(np.float32)
    config = jaxnet.Config(num_iters=20, batch_size=8, optimizer="adam", dropout=0.1)
    whole = jaxnet.train(params, X, y, X, y, config, key=key)
    state = jaxnet.resume(jaxnet.begin(params, key, config), X, y, X, y, iterations=11)
    jaxnet.save_state(tmp_path / "state.npz", state, extra={"seed": 5})
    with np.load(tmp_path / "state.npz", allow_pickle=False) as f:  # no pickles inside
        assert "header" in f.files
    loaded, extra = jaxnet.load_state(tmp_path / "state.npz")
    assert extra == {"seed": 5} and loaded.iteration == 11 and loaded.config == config
    assert_same_run(*whole, jaxnet.resume(loaded, X, y, X, y))


@pytest.mark.slow
def test_mismatches_are_refused_with_one_clear_line(tmp_path):
    params, X, y, key = problem(np.float32)
    config = jaxnet.Config(num_iters=20, batch_size=8)
    state = jaxnet.resume(jaxnet.begin(params, key, config), X, y, X, y, iterations=5)
    with pytest.raises(ValueError, match="this run trains on 64 training rows of 48 inputs "
                                         r"\(float32\); got 60 training rows"):
        jaxnet.resume(state, X[:60], y[:60], X, y)
    with pytest.raises(ValueError, match="saved run has reg=5e-06, this one reg=0.1"):
        state_module.check_matches(state, jaxnet.Config(num_iters=20, batch_size=8, reg=0.1))
    with pytest.raises(ValueError, match="saved run has hidden_size=16, this one hidden_size=8"):
        state_module.check_matches(state, config, {"hidden_size": 8}, {"hidden_size": 16})
    path = tmp_path / "state.npz"
    jaxnet.save_state(path, state)
    arrays = dict(np.load(path, allow_pickle=False))
    header = json.loads(str(arrays["header"]))
    for change, message in ((dict(format=99), "format 99, written by another version of jaxnet; "
                                              "this one reads format 2"),
                            (dict(format=1), "format 1, written by another version"),
                            (dict(config={**header["config"], "lr": 1}), "options this jaxnet lacks")):
        arrays["header"] = np.array(json.dumps({**header, **change}))
        np.savez(tmp_path / "bad.npz", **arrays)
        with pytest.raises(ValueError, match=message):
            jaxnet.load_state(tmp_path / "bad.npz")
    arrays["header"] = np.array(json.dumps({**header, "config": {**header["config"],
                                                                 "optimizer": "adam"}}))
    np.savez(tmp_path / "bad.npz", **arrays)
    with pytest.raises(ValueError, match="does not fit the config"):
        jaxnet.load_state(tmp_path / "bad.npz")


def test_resume_before_any_update_and_after_the_end():
    params, X, y, key = problem(np.float64)
    config = jaxnet.Config(num_iters=10, batch_size=8)
    state = jaxnet.begin(params, key, config)
    for k in params:
        np.testing.assert_array_equal(state.params[k], params[k])
    done = jaxnet.resume(state, X, y, X, y)
    again = jaxnet.resume(done, X, y, X, y)
    assert again.iteration == 10 and len(again.history["loss_history"]) == 10
    with pytest.raises(ValueError, match="key="):
        jaxnet.begin(params, None, config)
    assert jnp.asarray(done.params["W1"]).dtype == jnp.float64
    assert isinstance(done, jaxnet.TrainState) and jax.tree.leaves(done.program)


# ---------------------------------------------------------------------------- the program

ROOT = Path(__file__).resolve().parent.parent
SLOW = 600  # seconds: generous, for a busy machine
# 80 rows in batches of 2: 40 iterations per epoch; 4000 iterations are 100 epochs.
RUN = ["--num-training", "80", "--num-validation", "20", "--num-test", "10", "--batch-size", "2",
       "--hidden-size", "4", "--num-iters", "4000", "--learning-rate", "1e-3", "--quiet"]


@pytest.fixture(scope="module")
def uninterrupted(data_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("whole")
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *RUN]) == 0
    return out


@contextlib.contextmanager
def checkpointing_run(data_dir, out):
    """The program writing its state every epoch, in a child process killed on the way out."""
    env = dict(os.environ, JAX_PLATFORMS="cpu")
    proc = subprocess.Popen([*receiving_sigint("scripts/train_cifar10.py"), "--data-dir",
                             str(data_dir), "--out", str(out), *RUN, "--checkpoint-every", "1"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + SLOW
        while not (out / "state.npz").exists():  # the first epoch's state is written
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.02)
        yield proc
    finally:
        proc.kill()
        proc.communicate()


def assert_same_files(a, b):
    with np.load(a / "params.npz") as pa, np.load(b / "params.npz") as pb:
        for k in pa.files:
            np.testing.assert_array_equal(pa[k], pb[k], err_msg=k)
    ha = json.loads((a / "metrics.json").read_text())["history"]
    hb = json.loads((b / "metrics.json").read_text())["history"]
    assert ha == hb


def resume(data_dir, out):
    return train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *RUN, "--resume"])


@pytest.mark.slow
def test_ctrl_c_writes_a_state_that_resumes_bit_for_bit(data_dir, uninterrupted, tmp_path):
    out = tmp_path / "run"
    # As in a suite started in the background (SIGINT ignored): the child still gets it.
    with sigint_ignored(), checkpointing_run(data_dir, out) as proc:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=SLOW)
        assert proc.returncode == 130, err.decode()
    assert b"continue with --resume" in err and b"Traceback" not in err
    assert not (out / "params.npz").exists()
    saved, _ = jaxnet.load_state(out / "state.npz")
    assert 0 < saved.iteration < 4000
    assert resume(data_dir, out) == 0
    assert_same_files(uninterrupted, out)


@pytest.mark.slow
def test_sigkill_at_a_random_moment_then_resume_is_bit_for_bit(data_dir, uninterrupted, tmp_path):
    out = tmp_path / "run"
    with checkpointing_run(data_dir, out) as proc:
        time.sleep(np.random.default_rng().uniform(0, 0.5))
        proc.kill()  # SIGKILL: no handler runs; the last state written atomically survives
        proc.communicate()
    assert resume(data_dir, out) == 0
    assert_same_files(uninterrupted, out)


@pytest.mark.slow
def test_resume_refuses_other_options_and_a_missing_state(data_dir, tmp_path, capsys):
    out = tmp_path / "run"
    short = [*RUN, "--num-iters", "80", "--checkpoint-every", "1"]
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *short]) == 0
    capsys.readouterr()
    for flags, message in ((["--reg", "0.5"], "saved run has reg=0.25, this one reg=0.5"),
                           (["--hidden-size", "5"], "hidden_size=4, this one hidden_size=5")):
        with pytest.raises(SystemExit):
            train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *short,
                                "--resume", *flags])
        assert message in capsys.readouterr().err
    with pytest.raises(SystemExit):
        train_cifar10.main(["--data-dir", str(data_dir), "--out", str(tmp_path / "none"),
                            *short, "--resume"])
    assert "holds no state.npz" in capsys.readouterr().err
