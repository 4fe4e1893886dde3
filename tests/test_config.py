"""Each option is declared once (jaxnet.Config): every declaration reaches the compiled
program, and every command-line flag reaches the library."""

import dataclasses
import inspect
import itertools
import json
import math

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import config, loop, preprocess, presets, recipe, training
from jaxnet.cli import common, sweep_cifar10, train_cifar10
from jaxnet.config import Config, make_config
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


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
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


# ------------------------------------------------------------- each bound, type and message
# Every option's bounds at both ends (open and closed, ints and floats), its type, its words
# and ``None``; the choices of string options; bool options; the errors' types and what their
# messages tell a user; what ``option()`` records; ``with_options``, ``make_config`` and
# ``Config``'s ``static``/``traced``/``applies``/``changes``. No training runs.

FIELDS = dataclasses.fields(Config)
NUMBERS = [f for f in FIELDS if f.metadata["kind"] in (int, float)]
FLOATS = [f for f in NUMBERS if f.metadata["kind"] is float]
BOOLS = [f for f in FIELDS if f.metadata["kind"] is bool]
STRINGS = [f for f in FIELDS if f.metadata["kind"] is str]


def names(fields):
    return dict(argvalues=fields, ids=[f.name for f in fields])


def below(value, kind):
    return value - 1 if kind is int else math.nextafter(value, -math.inf)


def above(value, kind):
    return value + 1 if kind is int else math.nextafter(value, math.inf)


def accepted(name, value):
    return getattr(Config(**{name: value}), name)


def refused(name, value, error=ValueError):
    """The message of the ``error`` that ``Config(name=value)`` raises; it names the option."""
    with pytest.raises(error) as info:
        Config(**{name: value})
    assert type(info.value) is error
    message = str(info.value)
    assert message.startswith(f"{name} must be"), message
    return message


def declared(value, kind=float, **declaration):
    """``value`` checked against a one-off option declared with ``option(**declaration)``."""
    default = declaration.pop("default", kind())
    cls = dataclasses.make_dataclass("Declared", [("x", kind, config.option(default, "x", **declaration))])
    return config.checked(dataclasses.fields(cls)[0], value)


# ---------------------------------------------------------------------------- option()


def test_option_records_its_declaration_as_metadata():
    f = config.option(0.5, "a help line", low=0.0, high=1.0, low_open=True, high_open=True,
                      choices=None, traced=True, applies=config._uses_momentum, words=("w",))
    assert f.default == 0.5
    assert dict(f.metadata) == dict(
        help="a help line", low=0.0, high=1.0, low_open=True, high_open=True, choices=None,
        traced=True, gated=False, applies=config._uses_momentum, kind=float, words=("w",))


def test_option_defaults_are_closed_unbounded_static_and_always_applying():
    f = config.option(3, "h")
    assert f.default == 3
    assert dict(f.metadata) == dict(
        help="h", low=None, high=None, low_open=False, high_open=False, choices=None,
        traced=False, gated=False, applies=None, kind=int, words=())


def test_option_stores_the_choices_of_a_string():
    f = config.option("b", "h", choices=("a", "b"))
    assert f.metadata["choices"] == ("a", "b") and f.metadata["kind"] is str


def test_a_gated_option_is_traced():
    f = config.option(0.0, "h", gated=True)
    assert f.metadata["gated"] is True and f.metadata["traced"] is True


def test_an_option_without_a_default_takes_its_kind_from_kind():
    f = config.option(None, "h", kind=int, low=1)
    assert f.default is None and f.metadata["kind"] is int and f.metadata["low"] == 1


@pytest.mark.parametrize("f", **names(list(FIELDS) + list(recipe.RECIPE_FIELDS.values())))
def test_every_options_kind_is_its_annotated_type(f):
    assert f.metadata["kind"] is f.type
    assert f.default is None or type(f.default) is f.type


def test_traced_static_and_gated_partition_the_options():
    assert set(config.TRACED) | set(config.STATIC) == {f.name for f in FIELDS}
    assert not set(config.TRACED) & set(config.STATIC)
    assert set(config.GATED) <= set(config.TRACED)
    for f in FIELDS:
        assert (f.name in config.TRACED) == (f.metadata["traced"] or f.metadata["gated"])


# ---------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("f", **names([f for f in NUMBERS if f.metadata["low"] is not None]))
def test_the_low_end_is_accepted_unless_open_and_anything_below_is_refused(f):
    low, kind = f.metadata["low"], f.metadata["kind"]
    if f.metadata["low_open"]:
        refused(f.name, kind(low))
        assert accepted(f.name, above(low, kind)) == above(low, kind)
    else:
        assert accepted(f.name, kind(low)) == low
    refused(f.name, below(low, kind))


@pytest.mark.parametrize("f", **names([f for f in NUMBERS if f.metadata["high"] is not None]))
def test_the_high_end_is_accepted_unless_open_and_anything_above_is_refused(f):
    high, kind = f.metadata["high"], f.metadata["kind"]
    if f.metadata["high_open"]:
        refused(f.name, kind(high))
        assert accepted(f.name, below(high, kind)) == below(high, kind)
    else:
        assert accepted(f.name, kind(high)) == high
    refused(f.name, above(high, kind))


@pytest.mark.parametrize("f", **names([f for f in FLOATS if f.metadata["high"] is None]))
def test_an_option_without_high_takes_any_large_finite_number(f):
    assert accepted(f.name, 1e300) == 1e300


@pytest.mark.parametrize("f", **names(FLOATS))
@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_float_options_refuse_non_finite_values(f, value):
    assert "must be finite" in refused(f.name, value)


@pytest.mark.parametrize("f", **names(FLOATS))
def test_float_options_take_ints_as_floats(f):
    value = accepted(f.name, 0 if f.metadata["low"] is None or not f.metadata["low_open"] else 1)
    assert type(value) is float


@pytest.mark.parametrize("f", **names([f for f in NUMBERS if f.metadata["kind"] is int]))
def test_int_options_take_numpy_integers_as_python_ints(f):
    """A NumPy integer (a value read from an array) is stored as a Python int: what metrics.json
    records must be JSON."""
    value = accepted(f.name, np.int64(f.metadata["low"] + 1 if f.metadata["low"] is not None else 1))
    assert type(value) is int
    json.dumps(value)


def test_the_gated_options_are_a_tuple_that_reads_the_same_every_time():
    """config.GATED: read by every program plan (loop.make_plan), so not a one-pass iterator."""
    assert isinstance(config.GATED, tuple) and list(config.GATED) == list(config.GATED)
    assert set(config.GATED) == {f.name for f in FIELDS if f.metadata["gated"]} != set()


@pytest.mark.parametrize("f", **names(NUMBERS))
@pytest.mark.parametrize("value", [True, False, None, "1", b"1", [1]])
def test_number_options_refuse_bools_strings_and_none_with_a_type_error(f, value):
    kind = "an integer" if f.metadata["kind"] is int else "a number"
    message = refused(f.name, value, TypeError)
    assert message.startswith(f"{f.name} must be {kind}, got") and repr(value) in message


@pytest.mark.parametrize("f", **names([f for f in NUMBERS if f.metadata["kind"] is int]))
def test_int_options_refuse_fractions_with_a_type_error(f):
    assert "must be an integer" in refused(f.name, 1.5, TypeError)
    assert "must be an integer" in refused(f.name, 1.0, TypeError)


@pytest.mark.parametrize("name, value, phrase", [
    ("num_iters", -1, "num_iters must be >= 0, got -1"),
    ("crop", -1, "crop must be >= 0, got -1"),
    ("batch_size", 0, "batch_size must be > 0, got 0"),
])
def test_an_int_below_its_low_end_says_the_bound(name, value, phrase):
    assert phrase in refused(name, value)


def test_num_iters_is_capped_at_the_int32_range_and_says_why():
    assert accepted("num_iters", 2**31 - 1) == 2**31 - 1
    message = refused("num_iters", 2**31)
    assert "<= 2147483647" in message and "int32" in message and "got 2147483648" in message


@pytest.mark.parametrize("name, value, interval", [
    ("learning_rate", 0.0, "(0, inf)"),
    ("learning_rate_decay", 1.5, "(0, 1]"),
    ("learning_rate_decay", 0.0, "(0, 1]"),
    ("reg", -1.0, "[0, inf)"),
    ("momentum", 1.0, "[0, 1)"),
    ("dropout", -0.5, "[0, 1)"),
    ("step_epochs", 0.0, "(0, inf)"),
])
def test_a_float_out_of_range_names_its_interval_with_open_and_closed_ends(name, value, interval):
    message = refused(name, value)
    assert f"must be in {interval}" in message and f"got {value:g}" in message


def test_an_option_declared_without_bounds_takes_any_finite_number():
    assert declared(-1e300) == -1e300 and declared(1e300) == 1e300
    with pytest.raises(ValueError, match="finite"):
        declared(-math.inf)


def test_every_word_of_a_number_option_is_accepted_and_named_in_its_type_error():
    assert declared("he", words=("he", "xavier")) == "he"
    assert declared("xavier", words=("he", "xavier")) == "xavier"
    with pytest.raises(TypeError, match="must be a number or 'he' or 'xavier', got 'lecun'"):
        declared("lecun", words=("he", "xavier"))


# ---------------------------------------------------------------------------- Recipe: words, None


def test_std_takes_its_word_he_and_numbers_in_range_only():
    assert jaxnet.Recipe(std="he").std == "he"
    assert jaxnet.Recipe(std=0).std == 0.0
    with pytest.raises(TypeError, match="std must be a number or 'he', got 'xavier'"):
        jaxnet.Recipe(std="xavier")
    with pytest.raises(ValueError, match=r"std must be in \[0, inf\)"):
        jaxnet.Recipe(std=-1.0)


def test_none_is_allowed_only_where_the_default_is_none():
    assert jaxnet.Recipe(epochs=None).epochs is None
    assert jaxnet.Recipe(pca_components=None, preprocess="pca").pca_components is None
    with pytest.raises(TypeError, match="hidden_size must be an integer, got None"):
        jaxnet.Recipe(hidden_size=None)
    with pytest.raises(TypeError, match="std must be a number or 'he', got None"):
        jaxnet.Recipe(std=None)


def test_an_option_that_may_be_none_still_checks_its_values():
    with pytest.raises(ValueError, match=r"epochs must be in \(0, inf\)"):
        jaxnet.Recipe(epochs=0.0)
    with pytest.raises(ValueError, match="pca_components must be > 0"):
        jaxnet.Recipe(pca_components=0, preprocess="pca")
    with pytest.raises(TypeError, match="pca_components must be an integer"):
        jaxnet.Recipe(pca_components=2.5, preprocess="pca")


# ---------------------------------------------------------------------------- bools, strings


@pytest.mark.parametrize("f", **names(BOOLS))
def test_bool_options_take_true_false_0_and_1_as_bools(f):
    for value, expected in ((True, True), (False, False), (1, True), (0, False)):
        got = accepted(f.name, value)
        assert got is expected


@pytest.mark.parametrize("f", **names(BOOLS))
@pytest.mark.parametrize("value", [2, -1, "yes", "True", 1.0, None])
def test_bool_options_refuse_anything_else_with_a_type_error(f, value):
    message = refused(f.name, value, TypeError)
    assert "must be True or False" in message and repr(value) in message


@pytest.mark.parametrize("f", **names(STRINGS))
def test_string_options_take_each_of_their_choices(f):
    for choice in f.metadata["choices"]:
        assert accepted(f.name, choice) == choice


@pytest.mark.parametrize("f", **names(STRINGS))
@pytest.mark.parametrize("value", ["nope", "", None, 1])
def test_string_options_refuse_other_values_and_list_their_choices(f, value):
    message = refused(f.name, value)
    assert "must be one of" in message and repr(value) in message
    assert all(repr(choice) in message for choice in f.metadata["choices"])


def test_string_choices_are_case_sensitive():
    assert "optimizer must be one of" in refused("optimizer", "SGD")


# ---------------------------------------------------------------------------- make_config


def test_make_config_builds_from_defaults_or_replaces_fields_of_a_config():
    assert make_config() == Config()
    assert make_config(reg=0.5, batch_size=7) == Config(reg=0.5, batch_size=7)
    base = Config(optimizer="adam", reg=0.5)
    assert make_config(base, batch_size=7) == Config(optimizer="adam", reg=0.5, batch_size=7)
    assert make_config(base) == base


def test_make_config_validates_the_replaced_values():
    with pytest.raises(ValueError, match="reg must be in"):
        make_config(Config(), reg=-1.0)


def test_make_config_refuses_unknown_options_listing_the_known_ones():
    with pytest.raises(TypeError) as info:
        make_config(lr=0.1, momentun=0.9)
    message = str(info.value)
    assert "unknown option(s) ['lr', 'momentun']" in message
    assert all(repr(f.name) in message for f in FIELDS)


@pytest.mark.parametrize("bad, kind", [({"reg": 0.1}, "dict"), ("adam", "str"), (1, "int")])
def test_make_config_refuses_a_config_that_is_not_a_config_naming_its_type(bad, kind):
    with pytest.raises(TypeError, match=f"config must be a jaxnet.Config, got {kind}$"):
        make_config(bad)


# ---------------------------------------------------------------------------- with_options


def test_with_options_shows_every_option_as_a_keyword_after_the_functions_own():
    def run(data, config=None, *, key=None, **options):
        """Runs."""
        return make_config(config, **options)

    wrapped = config.with_options(run)
    assert wrapped is run and wrapped.__doc__ == "Runs." and wrapped.__name__ == "run"
    params = inspect.signature(wrapped).parameters
    assert list(params) == ["data", "config", "key", *(f.name for f in FIELDS)]
    for f in FIELDS:
        assert params[f.name].kind is inspect.Parameter.KEYWORD_ONLY
        assert params[f.name].default == f.default and params[f.name].annotation is f.type
    assert params["key"].kind is inspect.Parameter.KEYWORD_ONLY


def test_with_options_keywords_merge_into_the_config_argument():
    wrapped = config.with_options(lambda data, config=None, **options: make_config(config, **options))
    assert wrapped(0, Config(reg=0.5), batch_size=7) == Config(reg=0.5, batch_size=7)
    assert wrapped(0, batch_size=7) == Config(batch_size=7)
    with pytest.raises(TypeError, match=r"unknown option\(s\) \['lr'\]"):
        wrapped(0, lr=0.1)


def test_train_keeps_its_docstring_and_has_no_catch_all_keyword_in_its_signature():
    parameters = inspect.signature(jaxnet.train).parameters.values()
    assert all(p.kind is not inspect.Parameter.VAR_KEYWORD for p in parameters)
    assert [p.name for p in parameters][:6] == ["params", "X", "y", "X_val", "y_val", "config"]
    assert jaxnet.train.__doc__.startswith("Minibatch training")


# ---------------------------------------------------------------------------- Config's views


def test_static_resets_the_traced_options_and_keeps_the_static_ones():
    cfg = Config(learning_rate=0.5, learning_rate_decay=0.5, reg=0.1, momentum=0.5,
                 weight_decay=0.1, dropout=0.2, label_smoothing=0.1, mixup=0.2,
                 optimizer="nesterov", batch_size=7, flip=True, schedule="step")
    assert cfg.static() == Config(optimizer="nesterov", batch_size=7, flip=True, schedule="step")
    assert cfg.static().static() == cfg.static()


def test_traced_gives_every_traced_options_value():
    traced = Config(learning_rate=0.5, dropout=0.25).traced()
    assert set(traced) == set(config.TRACED)
    assert traced["learning_rate"] == 0.5 and traced["dropout"] == 0.25
    assert traced["reg"] == Config().reg


@pytest.mark.parametrize("optimizer", config.OPTIMIZERS)
def test_momentum_applies_to_the_momentum_and_nesterov_optimizers_only(optimizer):
    cfg = Config(optimizer=optimizer, momentum=0.5)
    assert cfg.applies("momentum") == (optimizer in ("momentum", "nesterov"))
    assert ("momentum" in cfg.changes()) == (optimizer in ("momentum", "nesterov"))


@pytest.mark.parametrize("schedule", config.SCHEDULES)
def test_the_schedule_options_apply_to_their_schedules(schedule):
    cfg = Config(schedule=schedule)
    assert cfg.applies("learning_rate_decay") == (schedule in ("notebook", "step"))
    assert cfg.applies("warmup_epochs") == (schedule != "notebook")
    assert cfg.applies("step_epochs") == (schedule == "step")


@pytest.mark.parametrize("f", **names([f for f in FIELDS if f.metadata["applies"] is None]))
def test_an_option_without_a_predicate_always_applies(f):
    assert Config().applies(f.name)


def test_changes_lists_the_non_default_options_that_apply():
    assert Config().changes() == {}
    cfg = Config(optimizer="momentum", momentum=0.5, schedule="cosine", learning_rate_decay=0.5,
                 warmup_epochs=1.0, flip=True, reg=Config().reg)
    assert cfg.changes() == dict(optimizer="momentum", momentum=0.5, schedule="cosine",
                                 warmup_epochs=1.0, flip=True)


def test_the_best_long_preset_is_the_best_one_wider_and_longer():
    """The README's table: `best-long` is "the same recipe, wider and longer" than `best`."""
    best, long = presets.values("best"), presets.values("best-long")
    grown = ("hidden_size", "epochs")
    assert {k: v for k, v in long.items() if k not in grown} == {k: v for k, v in best.items() if k not in grown}
    assert all(long[k] > best[k] for k in grown), {k: (best[k], long[k]) for k in grown}


def test_an_unknown_preset_is_refused_with_the_presets_named():
    with pytest.raises(ValueError, match=r"no preset 'bset'; the presets are \['best', 'best-long', "):
        presets.values("bset")
