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
from jaxnet import config, loop, preprocess, presets, training
from jaxnet.cli import common, sweep_cifar10, train_cifar10
from tests.helpers import lowered_run, make_plan

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
    recipe = lambda o: make_plan(24, 12, IMAGE, **o)
    if name in config.TRACED:
        run = lambda o: jaxnet.train(params, X, y, X, y, key=jax.random.key(1),
                                     image_shape=IMAGE, **o)[0]
        p0, p1 = run(options), run(changed)
        assert not all(np.array_equal(p0[k], p1[k]) for k in p0), name
        on = dict(options, **{name: other_value(name) * 0.5 or other_value(name)})
        assert recipe(changed) == recipe(on)
    else:
        hp = loop.traced_values(config.Config(**options), jnp.float64)
        program = lambda o: lowered_run(params, X, y, recipe(o), hp, jax.random.key(1))
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


def other_option(name):
    """A valid value of any option (``Config``'s or ``Recipe``'s) other than its default."""
    if name in config.FIELDS:
        return other_value(name)
    return {"hidden_size": 5, "std": "he", "seed": 1, "dtype": "float64", "epochs": 2.0,
            "preprocess": "channel", "whiten_eps": 0.5, "pca_components": 7, "tta_flip": True,
            "tta_shift": 2}[name]


@pytest.mark.parametrize("name", list(common.FIELDS))
def test_every_flag_reaches_the_recipe(data_dir, tmp_path, monkeypatch, name):
    """train-cifar10's flags become the Recipe it passes to jaxnet.fit, one option each."""
    seen = {}

    def fake_fit(recipe, splits, **kwargs):
        seen.update(recipe=recipe, splits=splits, **kwargs)
        raise Captured

    monkeypatch.setattr(jaxnet, "fit", fake_fit)
    value = {"num_iters": 7, "batch_size": 9}.get(name, other_option(name))
    needs = {"whiten_eps": dict(preprocess="zca"), "pca_components": dict(preprocess="pca"),
             "momentum": dict(optimizer="nesterov"), "warmup_epochs": dict(schedule="cosine"),
             "step_epochs": dict(schedule="step")}.get(name, {})
    if name != "batch_size":  # a batch of at most the 40 training rows
        needs = {"batch_size": 8, **needs}
    argv = ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *SPLIT, "--quiet",
            *[a for n, v in needs.items() for a in flag_value(n, v)], *flag_value(name, value)]
    with pytest.raises(Captured):
        train_cifar10.run(train_cifar10.parse_args(argv))
    got = seen["recipe"].options()
    assert got[name] == value
    expected = jaxnet.Recipe.of(presets.recipe("notebook"), **needs, **{name: value})
    assert got == expected.options()  # nothing else changed
    assert seen["splits"]["X_train"].shape == (40, 3072)


def test_sweep_axes_and_shared_flags_reach_sweep(data_dir, tmp_path, monkeypatch):
    seen = {}

    def fake_sweep(X, y, X_val, y_val, configs, **kwargs):
        seen.update(configs=configs, **kwargs)
        raise Captured

    monkeypatch.setattr(jaxnet, "sweep", fake_sweep)
    axes = {name: [other_value(name), config.FIELDS[name].default] for name in config.TRACED}
    argv = ["--data-dir", str(data_dir), "--out", str(tmp_path / "o"), *SPLIT, "--quiet",
            "--hidden-sizes", "3", "4", "--seeds", "1", "--optimizer", "nesterov", "--sampling",
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
        "nesterov", "epoch", 9, 5)
    assert set(seen) - {"configs"} >= set(config.STATIC)


@pytest.mark.parametrize("argv, message", [
    (["--learning-rate", "-1"], "--learning-rate: learning_rate must be in"),
    (["--dropout", "1.5"], "--dropout: dropout must be in"),
    (["--momentum", "1"], "--momentum: momentum must be in"),
    (["--num-iters", "0"], "--num-iters must be >= 1"),
    (["--num-iters", "-5"], "--num-iters must be >= 1"),
    (["--pca-components", "5"], "--pca-components: pca_components applies to preprocess 'pca'"),
    (["--preprocess", "pca", "--pca-components", "5000"], "pca_components 5000 exceeds the 3072"),
    (["--flip", "--crop", "40"], "crop 40 does not fit 32x32 images"),
    (["--preprocess", "pca", "--tta-flip"], "tta_flip need images"),
    (["--momentum", "0.5"], "--momentum has no effect in this run"),
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


def test_every_recipe_option_reaches_the_library(data_dir, monkeypatch):
    """jaxnet.fit: each Recipe option changes what the training library gets."""
    splits = jaxnet.data.get_cifar10_data(data_dir, num_training=40, num_validation=10,
                                          num_test=10, dtype="float32")
    seen = {}

    def fake_prepare(state, X, y, X_val, y_val, **kwargs):
        seen.update(params=state.init_params, config=state.config, X=X, **kwargs)
        raise Captured

    monkeypatch.setattr(training, "prepare", fake_prepare)

    def run(**options):
        seen.clear()
        with pytest.raises(Captured):
            jaxnet.fit(jaxnet.Recipe.of(**{"hidden_size": 3, "num_iters": 5, "batch_size": 8,
                                           **options}), splits)
        return dict(seen)

    base = run()
    assert base["params"]["W1"].shape == (3072, 3) and base["params"]["W1"].dtype == np.float32
    assert base["image_shape"] == (32, 32, 3)
    assert run(hidden_size=5)["params"]["W1"].shape == (3072, 5)
    assert np.std(run(std="he")["params"]["W1"]) > 100 * np.std(base["params"]["W1"])
    assert not np.array_equal(run(seed=1)["params"]["W1"], base["params"]["W1"])
    assert run(epochs=2.0)["config"].num_iters == 10  # 40 rows / 8
    channel = run(preprocess="channel")["X"]
    assert np.allclose(channel.reshape(-1, 3).std(axis=0), 1.0, atol=0.05)

    def fake_fit(kind, X, **kwargs):  # whitening's options, without a 3072^2 eigensolve
        seen.update(kind=kind, **kwargs)
        raise Captured

    monkeypatch.setattr(preprocess, "fit", fake_fit)
    pca = run(preprocess="pca", pca_components=7, whiten_eps=0.5)
    assert (pca["kind"], pca["components"], pca["eps"]) == ("pca", 7, 0.5)


def test_test_time_views_reach_the_evaluation(data_dir, monkeypatch):
    splits = jaxnet.data.get_cifar10_data(data_dir, num_training=40, num_validation=10,
                                          num_test=10, dtype="float32")
    seen = []
    monkeypatch.setattr(jaxnet.model, "accuracy", lambda *a, **k: seen.append(k) or 0.5)
    recipe = jaxnet.Recipe.of(hidden_size=3, num_iters=2, batch_size=8)
    jaxnet.fit(jaxnet.Recipe.of(recipe, tta_flip=True, tta_shift=2), splits)
    assert seen[-1] == dict(flip_average=(32, 32, 3), shift_average=2, image_shape=(32, 32, 3))
    jaxnet.fit(jaxnet.Recipe.of(recipe, tta_shift=1), splits)  # shifts alone: no flips
    assert seen[-1] == dict(flip_average=None, shift_average=1, image_shape=(32, 32, 3))
    jaxnet.fit(recipe, splits)
    assert seen[-1] == dict(flip_average=None, shift_average=0, image_shape=None)


def test_dtype_reaches_the_library(data_dir, monkeypatch):
    seen = {}

    def fake_prepare(state, X, y, X_val, y_val, **kwargs):
        seen.update(params=state.init_params, X=X)
        raise Captured

    monkeypatch.setattr(training, "prepare", fake_prepare)
    splits = jaxnet.data.get_cifar10_data(data_dir, num_training=40, num_validation=10,
                                          num_test=10, dtype="float64")
    with pytest.raises(Captured):
        jaxnet.fit(jaxnet.Recipe.of(dtype="float64", num_iters=2), splits)
    assert seen["params"]["W1"].dtype == np.float64 and seen["X"].dtype == np.float64
