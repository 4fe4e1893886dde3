"""Each option is declared once (jaxnet.Config): every declaration reaches the compiled
program, and every command-line flag reaches the library."""

import dataclasses
import inspect
import itertools

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import config, preprocess, presets, training
from jaxnet.cli import common, sweep_cifar10, train_cifar10
from tests.helpers import make_recipe

IMAGE = (2, 2, 3)
BASE = dict(num_iters=6, batch_size=8, learning_rate=0.1, learning_rate_decay=0.9)


def other_value(name):
    """A valid value of option ``name`` other than its default, found from its declaration."""
    field = config.FIELDS[name]
    default, meta = field.default, field.metadata
    if isinstance(default, bool):
        return not default
    if isinstance(default, str):
        return next(c for c in meta["choices"] if c != default)
    candidates = [default + 1, default * 2, default / 2, 0.5, 0.25] if default else [0.3, 1, 2]
    for value in candidates:
        value = type(default)(value)
        if value == default:
            continue
        try:
            config.Config(**{name: value})
        except ValueError:
            continue
        return value
    raise AssertionError(f"no other valid value found for {name}")


def where_it_applies(name):
    """BASE plus static choices under which option ``name`` has an effect."""
    choices = {n: f.metadata["choices"] for n, f in config.FIELDS.items() if f.metadata["choices"]}
    for values in itertools.product(*choices.values()):
        options = dict(BASE, **dict(zip(choices, values)))
        if name in choices:
            options[name] = config.FIELDS[name].default
        if config.Config(**options).applies(name):
            return options
    raise AssertionError(f"{name} applies under no static choice")


@pytest.fixture(scope="module")
def problem():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((24, 12))
    y = rng.integers(0, 3, 24)
    params = jaxnet.init_params(jax.random.key(0), 12, 5, 3, std=0.3, dtype=jnp.float64)
    return params, X, y


@pytest.mark.parametrize("name", list(config.FIELDS))
def test_every_option_reaches_the_program(problem, name):
    """A traced option changes the result and reuses the program (once its code is in); a
    static one changes the compiled program."""
    params, X, y = problem
    options = where_it_applies(name)
    changed = dict(options, **{name: other_value(name)})
    recipe = lambda o: make_recipe(24, 12, IMAGE, **o)
    if name in config.TRACED:
        run = lambda o: jaxnet.train(params, X, y, X, y, key=jax.random.key(1),
                                     image_shape=IMAGE, **o)[0]
        p0, p1 = run(options), run(changed)
        assert not all(np.array_equal(p0[k], p1[k]) for k in p0), name
        on = dict(options, **{name: other_value(name) * 0.5 or other_value(name)})
        assert recipe(changed) == recipe(on)
    else:
        hp = training.traced_values(config.Config(**options), jnp.float64)
        program = lambda o: training.train_from_key.lower(
            params, X, y, X, y, jax.random.key(1), hp, recipe(o)).as_text()
        assert recipe(changed) != recipe(options)
        assert program(changed) != program(options), name


def test_train_signature_lists_every_option_with_its_default():
    signature = inspect.signature(jaxnet.train)
    for name, field in config.FIELDS.items():
        assert signature.parameters[name].default == field.default
    for name in ("learning_rate", "learning_rate_decay", "reg", "num_iters", "batch_size",
                 "key", "batch_indices"):  # the notebook's keywords
        assert signature.parameters[name].kind is inspect.Parameter.KEYWORD_ONLY


def test_config_and_keywords_combine(problem):
    params, X, y = problem
    cfg = jaxnet.Config(**BASE)
    a = jaxnet.train(params, X, y, X, y, cfg, reg=0.1, key=jax.random.key(2))[0]
    b = jaxnet.train(params, X, y, X, y, key=jax.random.key(2), **dict(BASE, reg=0.1))[0]
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])
    with pytest.raises(TypeError, match="unknown option.*'lr'"):
        jaxnet.train(params, X, y, X, y, lr=0.1, key=jax.random.key(2))


def test_traced_options_are_the_sweep_keys():
    from jaxnet import sweeps
    assert set(sweeps.CONFIG_KEYS) == {"hidden_size", "seed", *config.TRACED}
    assert set(config.GATED) <= set(config.TRACED)
    assert set(config.STATIC) == set(config.FIELDS) - set(config.TRACED)


def test_changes_shows_only_what_applies():
    assert jaxnet.Config(momentum=0.5).changes() == {}  # plain SGD has no momentum
    assert jaxnet.Config(optimizer="nesterov", momentum=0.5).changes() == {
        "optimizer": "nesterov", "momentum": 0.5}


# ---------------------------------------------------------------------------- the CLIs


SPLIT = ["--num-training", "40", "--num-validation", "10", "--num-test", "10"]


class Captured(Exception):
    pass


def flag_value(name, value):
    """The command-line spelling of ``value`` for option ``name``."""
    if isinstance(value, bool):
        return [common.flag(name)] if value else []
    return [common.flag(name), str(value)]


@pytest.mark.parametrize("name", list(config.FIELDS))
def test_every_training_flag_reaches_train(data_dir, tmp_path, monkeypatch, name):
    seen = {}

    def fake_train(params, X, y, X_val, y_val, cfg, **kwargs):
        seen.update(config=cfg, params=params, **kwargs)
        raise Captured

    monkeypatch.setattr(jaxnet, "train", fake_train)
    value = other_value(name)
    if name == "num_iters":
        value = 7
    argv = ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *SPLIT, "--quiet",
            "--hidden-size", "3", *flag_value(name, value)]
    with pytest.raises(Captured):
        train_cifar10.run(train_cifar10.parse_args(argv))
    assert getattr(seen["config"], name) == value
    assert seen["params"]["W1"].shape == (3072, 3)
    notebook = {k: v for k, v in presets.values("notebook").items() if k in config.FIELDS}
    assert seen["config"] == config.Config(**{**notebook, name: value})  # nothing else changed


def test_sweep_axes_and_shared_flags_reach_sweep(data_dir, tmp_path, monkeypatch):
    seen = {}

    def fake_sweep(X, y, X_val, y_val, configs, **kwargs):
        seen.update(configs=configs, **kwargs)
        raise Captured

    monkeypatch.setattr(jaxnet, "sweep", fake_sweep)
    axes = {name: [other_value(name), config.FIELDS[name].default] for name in config.TRACED}
    argv = ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *SPLIT, "--quiet",
            "--hidden-sizes", "3", "4", "--seeds", "1", "--optimizer", "adam", "--sampling",
            "epoch", "--num-iters", "9", "--batch-size", "5"]
    for name, values in axes.items():
        argv += [common.flag(name), *map(str, values)]
    with pytest.raises(Captured):
        sweep_cifar10.run(sweep_cifar10.build_parser().parse_args(argv))
    assert len(seen["configs"]) == 2 * 2 ** len(config.TRACED)
    for name, values in axes.items():
        assert {c[name] for c in seen["configs"]} == set(values)
    assert {c["hidden_size"] for c in seen["configs"]} == {3, 4}
    assert (seen["optimizer"], seen["sampling"], seen["num_iters"], seen["batch_size"]) == (
        "adam", "epoch", 9, 5)
    assert set(seen) - {"configs"} >= set(config.STATIC)


@pytest.mark.parametrize("argv, message", [
    (["--learning-rate", "-1"], "--learning-rate: learning_rate must be in"),
    (["--dropout", "1.5"], "--dropout: dropout must be in"),
    (["--momentum", "1"], "--momentum: momentum must be in"),
    (["--num-iters", "0"], "--num-iters: a run needs at least one iteration"),
])
def test_bad_training_flags_name_the_flag_before_reading_data(tmp_path, capsys, argv, message):
    missing = tmp_path / "no-data-here"  # the error must come before the data is looked for
    with pytest.raises(SystemExit) as exit_info:
        train_cifar10.main(["--data-dir", str(missing), "--quiet", *argv])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert message in err and "not found" not in err, err


def test_dataclass_is_frozen_and_validated():
    cfg = jaxnet.Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.reg = 1.0
    with pytest.raises(TypeError, match="num_iters must be an integer"):
        jaxnet.Config(num_iters=1.5)
    with pytest.raises(TypeError, match="flip must be True or False"):
        jaxnet.Config(flip="yes")
    assert jaxnet.Config(reg=1).reg == 1.0 and isinstance(jaxnet.Config(reg=1).reg, float)


def test_every_program_flag_reaches_the_library(data_dir, tmp_path, monkeypatch):
    """The programs' own options (common.PROGRAM_OPTIONS): each changes what the library gets."""
    seen = {}

    def fake_train(params, X, y, X_val, y_val, cfg, **kwargs):
        seen.update(params=params, X=X, config=cfg)
        return params, {"loss_history": np.zeros(1), "train_acc_history": np.zeros(1),
                        "val_acc_history": np.zeros(1)}

    def fake_accuracy(params, X, y, flip_average=None, shift_average=0):
        seen.update(flip_average=flip_average, shift_average=shift_average)
        raise Captured

    monkeypatch.setattr(jaxnet, "train", fake_train)
    monkeypatch.setattr(jaxnet, "accuracy", fake_accuracy)

    def run(*flags):
        seen.clear()
        argv = ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *SPLIT, "--quiet",
                "--hidden-size", "3", *flags]
        with pytest.raises(Captured):
            train_cifar10.run(train_cifar10.parse_args(argv))
        return dict(seen)

    base = run()
    assert base["params"]["W1"].shape == (3072, 3) and base["params"]["W1"].dtype == np.float32
    assert run("--hidden-size", "5")["params"]["W1"].shape == (3072, 5)
    assert np.std(run("--std", "he")["params"]["W1"]) > 100 * np.std(base["params"]["W1"])
    assert not np.array_equal(run("--seed", "1")["params"]["W1"], base["params"]["W1"])
    assert run("--epochs", "2", "--batch-size", "8")["config"].num_iters == 10  # 40 rows / 8
    channel = run("--preprocess", "channel")["X"]
    assert np.allclose(channel.reshape(-1, 3).std(axis=0), 1.0, atol=0.05)
    tta = run("--tta-flip", "--tta-shift", "2")
    assert tta["flip_average"] == (32, 32, 3) and tta["shift_average"] == 2
    assert base["flip_average"] is None and base["shift_average"] == 0

    def fake_fit(kind, X, **kwargs):  # whitening's options, without a 3072^2 eigensolve
        seen.update(kind=kind, **kwargs)
        raise Captured

    monkeypatch.setattr(preprocess, "fit", fake_fit)
    pca = run("--preprocess", "pca", "--pca-components", "7", "--whiten-eps", "0.5")
    assert (pca["kind"], pca["components"], pca["eps"]) == ("pca", 7, 0.5)


def test_dtype_flag_reaches_the_library(data_dir, tmp_path, monkeypatch):
    seen = {}

    def fake_train(params, X, y, X_val, y_val, cfg, **kwargs):
        seen.update(params=params, X=X)
        raise Captured

    monkeypatch.setattr(jaxnet, "train", fake_train)
    argv = ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *SPLIT, "--quiet",
            "--dtype", "float64"]
    with pytest.raises(Captured):
        train_cifar10.run(train_cifar10.parse_args(argv))
    assert seen["params"]["W1"].dtype == np.float64 and seen["X"].dtype == np.float64
