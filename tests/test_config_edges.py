"""Edges of the option declarations (jaxnet/config.py) that tests/test_config.py leaves open:
every option's bounds at both ends (open and closed, ints and floats), its type, its words
and ``None``; the choices of string options; bool options; the errors' types and what their
messages tell a user; what ``option()`` records; ``with_options``, ``make_config`` and
``Config``'s ``static``/``traced``/``applies``/``changes``. No training runs.
"""

import dataclasses
import inspect
import math

import pytest

import jaxnet
from jaxnet import config, recipe
from jaxnet.config import Config, make_config

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
