"""A checkpoint that describes itself (jaxnet/cli/checkpoint.py): ``--eval-checkpoint`` on a
params.npz scores exactly as its run did, from the file and its preprocess.npz alone, or
refuses in one line naming what is missing or differs; never a silent other number."""

import json
import shutil
import sys

import numpy as np
import pytest

import jaxnet
from jaxnet import artifacts, fitting, preprocess
from jaxnet.cli import checkpoint, machine, train_cifar10
from tests.helpers import numpy_accuracy

SPLIT = ["--num-training", "80", "--num-validation", "20", "--num-test", "20"]


@pytest.fixture(scope="module")
def run(data_dir, tmp_path_factory):
    """A run with channel preprocessing and test-time shifts: (its folder, its metrics)."""
    out = tmp_path_factory.mktemp("checkpoint") / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *SPLIT,
                               "--num-iters", "20", "--batch-size", "8", "--hidden-size", "16",
                               "--std", "he", "--learning-rate", "0.05", "--preprocess",
                               "channel", "--tta-shift", "2", "--quiet"]) == 0
    return out, json.loads((out / "metrics.json").read_text())


def scores(capsys, data_dir, path, *flags):
    capsys.readouterr()
    assert train_cifar10.main(["--data-dir", str(data_dir), "--eval-checkpoint", str(path),
                               *flags]) == 0
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def refusal(capsys, data_dir, path, *flags):
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_info:
        train_cifar10.main(["--data-dir", str(data_dir), "--eval-checkpoint", str(path), *flags])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    return err


def copied(run, tmp_path, *names):
    folder = tmp_path / "copy"
    folder.mkdir()
    for name in names:
        shutil.copy(run[0] / name, folder / name)
    return folder / "params.npz"


@pytest.mark.slow
def test_the_file_alone_with_its_preprocessing_scores_as_the_run_did(run, data_dir, tmp_path,
                                                                     capsys):
    """No metrics.json, no flags: the split, the views and the preprocessing come from the
    checkpoint. The run's own numbers are the expected ones."""
    path = copied(run, tmp_path, "params.npz", "preprocess.npz")
    assert scores(capsys, data_dir, path) == {"val_acc": run[1]["val_acc"],
                                              "test_acc": run[1]["test_acc"]}


@pytest.mark.slow
def test_without_the_recorded_views_or_preprocessing_the_scores_would_differ(run, data_dir):
    """What the test above guards against: scored the way a bare flag-less evaluation used
    to score it (no shifts; no channel scaling), the same params give other numbers."""
    params = artifacts.load_params(run[0] / "params.npz")
    splits = jaxnet.data.get_cifar10_data(data_dir, num_training=80, num_validation=20,
                                          num_test=20, dtype="float32")
    prep = artifacts.load_arrays(run[0] / "preprocess.npz")
    prep.pop("params_sha256")
    X_val = preprocess.apply(prep, splits["X_val"])
    plain = jaxnet.Recipe.of(preprocess="channel")
    views = jaxnet.Recipe.of(plain, tta_shift=2)
    assert fitting.score(views, params, X_val, splits["y_val"]) == run[1]["val_acc"]
    assert (fitting.score(plain, params, X_val, splits["y_val"]),
            fitting.score(views, params, splits["X_val"], splits["y_val"])) != (
        run[1]["val_acc"], run[1]["val_acc"])


def test_a_lone_params_npz_of_a_preprocessed_run_is_refused(run, data_dir, tmp_path, capsys):
    path = copied(run, tmp_path, "params.npz")
    err = refusal(capsys, data_dir, path)
    assert err == (f"train-cifar10: error: {path} was trained on 'channel'-preprocessed inputs: "
                   f"score it with its run's preprocess.npz beside it (missing)")


def test_a_truncated_metrics_json_changes_nothing(run, data_dir, tmp_path, capsys):
    path = copied(run, tmp_path, "params.npz", "preprocess.npz", "metrics.json")
    metrics = path.with_name("metrics.json")
    metrics.write_text(metrics.read_text()[:40])
    assert scores(capsys, data_dir, path) == {"val_acc": run[1]["val_acc"],
                                              "test_acc": run[1]["test_acc"]}


@pytest.mark.parametrize("flags, differs", [
    (["--tta-shift", "0"], "--tta-shift 2; this command asks for --tta-shift 0"),
    (["--tta-flip"], "--tta-flip False; this command asks for --tta-flip True"),
    (["--dtype", "float64"], "--dtype float32; this command asks for --dtype float64"),
    (["--preset", "best"], "--tta-flip False; this command asks for --tta-flip True"),
    (["--num-training", "70"], "--num-training 80; this command asks for --num-training 70"),
    (["--tta-shift", "0", "--dtype", "float64"],
     "--dtype float32, --tta-shift 2; this command asks for --dtype float64, --tta-shift 0")])
def test_flags_asking_for_other_scoring_are_refused_naming_them(run, data_dir, capsys, flags,
                                                                differs):
    err = refusal(capsys, data_dir, run[0] / "params.npz", *flags)
    assert err == (f"train-cifar10: error: the checkpoint's run scored with {differs}: leave "
                   f"those flags out to score as the run did")


def test_flags_that_agree_are_accepted_and_more_test_images_may_be_scored(run, data_dir, capsys):
    path = run[0] / "params.npz"
    same = scores(capsys, data_dir, path, "--tta-shift", "2", "--dtype", "float32",
                  "--num-training", "80")
    assert same == {"val_acc": run[1]["val_acc"], "test_acc": run[1]["test_acc"]}
    assert set(scores(capsys, data_dir, path, "--num-test", "10")) == {"val_acc", "test_acc"}


def test_the_recorded_dtype_is_the_scoring_dtype(data_dir, tmp_path, capsys, monkeypatch):
    params = {"W1": np.zeros((3072, 2)), "b1": np.zeros(2), "W2": np.zeros((2, 10)),
              "b2": np.zeros(10)}
    record = checkpoint.scoring_record(jaxnet.Recipe.of(dtype="float64"), dict(
        num_training=80, num_validation=20, num_test=20), np.zeros((32, 32, 3)), None)
    artifacts.save_params(tmp_path / "params.npz", params, record)
    enabled = []
    monkeypatch.setattr(machine, "enable_dtype", enabled.append)
    _, y_train, _, y_test, _ = jaxnet.data.load_cifar10(data_dir)
    # All-zero params predict class 0 for every row.
    expected = {"val_acc": np.mean(y_train[80:100] == 0), "test_acc": np.mean(y_test[:20] == 0)}
    assert scores(capsys, data_dir, tmp_path / "params.npz") == expected
    assert enabled == ["float64"]


def test_an_old_checkpoint_is_refused_unless_told_how_to_score_it(run, data_dir, tmp_path, capsys):
    old = tmp_path / "old"
    old.mkdir()
    artifacts.save_params(old / "params.npz", artifacts.load_params(run[0] / "params.npz"))
    shutil.copy(run[0] / "preprocess.npz", old / "preprocess.npz")
    err = refusal(capsys, data_dir, old / "params.npz")
    assert "does not record how its run scored it" in err and "--legacy-checkpoint" in err
    legacy = scores(capsys, data_dir, old / "params.npz", "--legacy-checkpoint", *SPLIT,
                    "--tta-shift", "2")
    assert legacy == {"val_acc": run[1]["val_acc"], "test_acc": run[1]["test_acc"]}
    err = refusal(capsys, data_dir, run[0] / "params.npz", "--legacy-checkpoint")
    assert err.endswith("records how it is scored; leave the flag out")


def test_an_old_checkpoint_whose_preprocessing_is_missing_is_refused_even_so(tmp_path):
    params = {"W1": np.zeros((3072, 2), np.float32), "b1": np.zeros(2, np.float32),
              "W2": np.zeros((2, 10), np.float32), "b2": np.zeros(10, np.float32)}
    artifacts.save_params(tmp_path / "params.npz", params)
    assert checkpoint.load(tmp_path / "params.npz", legacy=True)[1] is None  # the mean image
    (tmp_path / "metrics.json").write_text(json.dumps({"config": {"preprocess": "zca"}}))
    with pytest.raises(ValueError, match="'zca'-preprocessed inputs, and its preprocess.npz is missing"):
        checkpoint.load(tmp_path / "params.npz", legacy=True)


def test_a_nan_filled_checkpoint_is_refused(run, data_dir, tmp_path, capsys):
    params, record = artifacts.load_checkpoint(run[0] / "params.npz")
    artifacts.save_params(tmp_path / "params.npz", {k: np.full_like(v, np.nan)
                                                    for k, v in params.items()}, record)
    err = refusal(capsys, data_dir, tmp_path / "params.npz")
    assert err == (f"train-cifar10: error: {tmp_path / 'params.npz'}: W1 holds non-finite "
                   f"values (NaN or inf): a diverged or damaged net, which cannot be scored")


def test_the_record_survives_the_file(tmp_path):
    params = {"W1": np.ones((4, 3)), "b1": np.zeros(3), "W2": np.ones((3, 2)), "b2": np.zeros(2)}
    record = {"format": 1, "tta_shift": 2, "name": "x", "mean_image": np.arange(6.0)}
    artifacts.save_params(tmp_path / "params.npz", params, record)
    loaded, back = artifacts.load_checkpoint(tmp_path / "params.npz")
    assert sorted(loaded) == ["W1", "W2", "b1", "b2"]
    np.testing.assert_array_equal(back.pop("mean_image"), record.pop("mean_image"))
    assert back == record


def tiny_checkpoint(folder, record, prep=None, prep_params=None):
    """params.npz with ``record``, and a preprocess.npz holding ``prep`` bound to ``prep_params``
    (default: these params) when given; the params."""
    params = {"W1": np.ones((4, 3)), "b1": np.zeros(3), "W2": np.ones((3, 2)), "b2": np.zeros(2)}
    artifacts.save_params(folder / "params.npz", params, record)
    if prep is not None:
        bound = artifacts.params_fingerprint(prep_params or params)
        artifacts.save_arrays(folder / "preprocess.npz", {**prep, "params_sha256": bound})
    return params


CHANNEL = {"mean": np.arange(3.0), "std": np.ones(3)}


def test_a_record_of_another_format_is_refused(tmp_path):
    tiny_checkpoint(tmp_path, {"format": checkpoint.FORMAT + 1, "preprocess": "mean", "preprocess_sha256": None})
    with pytest.raises(ValueError, match=f"a scoring record of format {checkpoint.FORMAT + 1}; this jaxnet reads"):
        checkpoint.load(tmp_path / "params.npz")


def test_another_runs_preprocessing_beside_the_params_is_refused(tmp_path):
    other = {"W1": np.zeros((4, 3)), "b1": np.zeros(3), "W2": np.zeros((3, 2)), "b2": np.zeros(2)}
    tiny_checkpoint(tmp_path, {"format": checkpoint.FORMAT, "preprocess": "channel",
                               "preprocess_sha256": artifacts.arrays_fingerprint(CHANNEL)}, CHANNEL, other)
    with pytest.raises(ValueError, match="does not belong to .* written by another run"):
        checkpoint.load(tmp_path / "params.npz")


def test_preprocessing_other_than_the_recorded_one_is_refused(tmp_path):
    """preprocess.npz bound to these params but not the arrays the record's fingerprint names; the
    recorded ones load."""
    record = {"format": checkpoint.FORMAT, "preprocess": "channel",
              "preprocess_sha256": artifacts.arrays_fingerprint(CHANNEL)}
    tiny_checkpoint(tmp_path, record, {**CHANNEL, "std": 2 * np.ones(3)})
    with pytest.raises(ValueError) as refused:
        checkpoint.load(tmp_path / "params.npz")
    assert str(refused.value) == (f"{tmp_path / 'preprocess.npz'} is not the preprocessing "
                                  f"{tmp_path / 'params.npz'} was trained with")
    tiny_checkpoint(tmp_path, record, CHANNEL)
    assert sorted(checkpoint.load(tmp_path / "params.npz")[1]) == ["mean", "std"]


def test_preprocessing_that_names_no_params_is_refused_as_another_runs(tmp_path):
    params = tiny_checkpoint(tmp_path, {"format": checkpoint.FORMAT, "preprocess": "channel",
                                        "preprocess_sha256": artifacts.arrays_fingerprint(CHANNEL)})
    artifacts.save_arrays(tmp_path / "preprocess.npz", CHANNEL)  # no params_sha256 in it
    with pytest.raises(ValueError, match="does not belong to .* written by another run"):
        checkpoint.load(tmp_path / "params.npz")
    assert sorted(params) == ["W1", "W2", "b1", "b2"]


@pytest.mark.parametrize("metrics", ['{"config": {"preprocess": "mean"}}', '{"config": {"prepro', "[1, 2]",
                                     '{"config": null}', "{}"])
def test_an_old_checkpoint_needs_no_preprocessing_file_unless_its_metrics_name_one(tmp_path, metrics):
    """Its metrics.json names the mean image only, or cannot be read: scored with the mean image."""
    tiny_checkpoint(tmp_path, None)
    (tmp_path / "metrics.json").write_text(metrics)
    params, prep, record = checkpoint.load(tmp_path / "params.npz", legacy=True)
    assert prep is None and record is None and sorted(params) == ["W1", "W2", "b1", "b2"]


def test_flags_choose_the_split_they_give_and_the_record_the_rest():
    record = {"dtype": "float32", "tta_flip": False, "tta_shift": 2, "num_training": 80,
              "num_validation": 20, "num_test": 20}
    split = {"num_training": 80, "num_validation": 5, "num_test": 10}
    options, chosen = checkpoint.scoring(record, jaxnet.Recipe.of(), set(), split, {"num_test"})
    assert options == {"dtype": "float32", "tta_flip": False, "tta_shift": 2}
    assert chosen == {"num_training": 80, "num_validation": 20, "num_test": 10}


def test_eval_refuses_a_bad_split_flag_in_one_line(run, data_dir, capsys):
    err = refusal(capsys, data_dir, run[0] / "params.npz", "--num-test", "-1")
    assert err == "train-cifar10: error: --num-test must be >= 0, got -1"


def test_eval_uses_the_compile_cache_it_is_given(run, data_dir, tmp_path, capsys, monkeypatch):
    enabled = []
    monkeypatch.setattr(machine, "enable_compile_cache", enabled.append)
    scores(capsys, data_dir, run[0] / "params.npz", "--compile-cache", str(tmp_path / "xla"))
    scores(capsys, data_dir, run[0] / "params.npz", "--no-compile-cache")
    assert enabled == [str(tmp_path / "xla"), None]


def test_the_recorded_mean_image_centres_the_scored_rows(data_dir, tmp_path, capsys):
    """Scored with the mean image the run recorded, not one recomputed from the rows at hand (here
    far from it), worked out in NumPy from the raw pixels."""
    rng = np.random.default_rng(0)
    params = {"W1": rng.standard_normal((3072, 8)) * 0.01, "b1": rng.standard_normal(8),
              "W2": rng.standard_normal((8, 10)), "b2": np.zeros(10)}
    params = {k: v.astype(np.float32) for k, v in params.items()}
    mean_image = np.full((32, 32, 3), 200.0)
    split = dict(num_training=80, num_validation=20, num_test=20)
    artifacts.save_params(tmp_path / "params.npz", params,
                          checkpoint.scoring_record(jaxnet.Recipe.of(), split, mean_image, None))
    X_train, y_train, X_test, y_test, _ = jaxnet.data.load_cifar10(data_dir)
    p64 = {k: v.astype(np.float64) for k, v in params.items()}

    def centred(X):
        return (X.astype(np.float64) - mean_image).reshape(len(X), -1)

    expected = {"val_acc": numpy_accuracy(p64, centred(X_train[80:100]), y_train[80:100]),
                "test_acc": numpy_accuracy(p64, centred(X_test[:20]), y_test[:20])}
    recomputed = numpy_accuracy(p64, centred(X_train[80:100]) + 200.0 - X_train[:80].mean(0).reshape(-1),
                                y_train[80:100])
    assert recomputed != expected["val_acc"]  # the test can tell the two apart
    assert scores(capsys, data_dir, tmp_path / "params.npz") == expected


def test_a_float64_run_is_scored_on_float64_preprocessed_rows(data_dir, tmp_path, capsys, monkeypatch):
    X_train = jaxnet.data.load_cifar10(data_dir)[0][:80].reshape(80, -1).astype(np.float64)
    prep = preprocess.fit("channel", X_train - X_train.mean(0))
    params = {"W1": np.zeros((3072, 2)), "b1": np.zeros(2), "W2": np.zeros((2, 10)), "b2": np.zeros(10)}
    record = checkpoint.scoring_record(jaxnet.Recipe.of(dtype="float64", preprocess="channel"), dict(
        num_training=80, num_validation=20, num_test=20), X_train.mean(0).reshape(32, 32, 3), prep)
    artifacts.save_params(tmp_path / "params.npz", params, record)
    artifacts.save_arrays(tmp_path / "preprocess.npz", {**prep, "params_sha256": artifacts.params_fingerprint(params)})
    scored, score = [], fitting.score
    monkeypatch.setattr(machine, "enable_dtype", lambda name: None)  # float64 is on in the tests already
    monkeypatch.setattr(fitting, "score", lambda recipe, p, X, y: scored.append(X.dtype) or score(recipe, p, X, y))
    scores(capsys, data_dir, tmp_path / "params.npz")
    assert scored == [np.float64, np.float64]


def test_the_command_reads_its_arguments_from_the_command_line(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["train-cifar10", "--out", " "])
    with pytest.raises(SystemExit) as exit_info:
        train_cifar10.main()
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == "train-cifar10: error: --out is empty (an unset variable?); name the run's folder\n"
