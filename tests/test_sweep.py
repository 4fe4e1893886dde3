"""jaxnet.sweep: vmapped configs equal training each alone; one program per hidden size."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import loop
from tests.helpers import count_compiles, make_plan, traced


@pytest.fixture(scope="module")
def problem():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((60, 8)), rng.integers(0, 3, 60)
    return X, y, X[:20], y[:20]


GRID = [dict(hidden_size=h, learning_rate=lr, reg=r, learning_rate_decay=d, seed=s)
        for h in (5, 7) for lr, r, d in ((0.1, 0.0, 0.9), (0.3, 0.01, 0.5), (0.05, 0.2, 1.0))
        for s in (0, 1)]
COMMON = dict(num_iters=20, batch_size=10)


@pytest.fixture(scope="module")
def swept(problem):
    return jaxnet.sweep(*problem, GRID, num_classes=3, std=0.1, dtype=jnp.float64, **COMMON)


def train_alone(problem, config, **options):
    init_key, train_key = jaxnet.seed_keys(config["seed"])
    params = jaxnet.init_params(init_key, 8, config["hidden_size"], 3, std=0.1, dtype=jnp.float64)
    hp = {k: v for k, v in config.items() if k not in ("hidden_size", "seed")}
    return jaxnet.train(params, *problem, key=train_key, **COMMON, **hp, **options)


@pytest.mark.slow
def test_each_config_equals_training_it_alone(problem, swept):
    assert [r["config"]["hidden_size"] for r in swept] == [c["hidden_size"] for c in GRID]
    for config, result in zip(GRID, swept):
        params, history = train_alone(problem, config)
        for k in params:
            np.testing.assert_allclose(result["params"][k], params[k], rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(result["history"]["loss_history"], history["loss_history"],
                                   rtol=1e-10)
        np.testing.assert_allclose(result["history"]["val_acc_history"], history["val_acc_history"],
                                   atol=1e-12)
        X_val, y_val = problem[2], problem[3]
        assert result["val_acc"] == pytest.approx(jaxnet.accuracy(params, X_val, y_val), abs=1e-12)
        assert not result["diverged"]


@pytest.mark.slow
def test_configs_really_differ(swept):
    finals = {round(float(r["history"]["loss_history"][-1]), 8) for r in swept}
    assert len(finals) == len(GRID)


@pytest.mark.slow
def test_one_program_per_hidden_size(problem):
    grid = [dict(hidden_size=6, learning_rate=lr, seed=s) for lr in (0.1, 0.2) for s in (3, 4, 5)]
    warm_up = [dict(c, hidden_size=7) for c in grid]
    jaxnet.sweep(*problem, warm_up, num_classes=3, std=0.1, dtype=jnp.float64, **COMMON)
    with count_compiles("group_piece") as compiles:
        jaxnet.sweep(*problem, grid, num_classes=3, std=0.1, dtype=jnp.float64, **COMMON)
    assert compiles() == 1  # three seeds, one compiled program


@pytest.mark.slow
def test_shared_minibatch_becomes_one_wide_product(problem):
    """Configs of one seed share X_b, so the first layer is a single unbatched dot."""
    X, y, X_val, y_val = (jnp.asarray(a) for a in problem)
    plan = make_plan(60, 8, num_iters=4, batch_size=10, stop_on_divergence=False)
    hp = {k: jnp.full((4,), v) for k, v in traced().items()}
    data = loop.Data(X, y.astype(jnp.int32), X_val, y_val.astype(jnp.int32))
    params = jaxnet.init_params(jax.random.key(0), 8, 6, 3, std=0.1, dtype=jnp.float64)
    states = jax.vmap(lambda hp1: loop.init_state(params, hp1, plan))(hp)
    minibatches = tuple(jax.random.split(jax.random.key(1)))
    hlo = loop.group_piece.lower(states, data, minibatches, jnp.int32(0), jnp.int32(4), hp,
                                 plan=plan, length=4).as_text()
    # The minibatch (10, 8) meets all four configs' weights in one dot_general whose
    # result has the 10 rows and the 4 configs as a free dimension.
    assert "10x8xf64" in hlo and "dot_general" in hlo
    batched_minibatch = "4x10x8xf64"
    assert batched_minibatch not in hlo


@pytest.mark.slow
def test_diverging_config_is_flagged_not_raised(problem):
    X, y, X_val, y_val = problem
    grid = [dict(hidden_size=5, learning_rate=0.1), dict(hidden_size=5, learning_rate=1e8)]
    results = jaxnet.sweep(X * 100, y, X_val, y_val, grid, num_classes=3, std=1.0,
                           dtype=jnp.float64, **COMMON)
    assert [r["diverged"] for r in results] == [False, True]


def test_bad_sweep_configs(problem):
    with pytest.raises(ValueError, match="unknown config keys"):
        jaxnet.sweep(*problem, [dict(hidden_size=5, lr=0.1)], num_classes=3, **COMMON)
    with pytest.raises(ValueError, match="needs a hidden_size"):
        jaxnet.sweep(*problem, [dict(learning_rate=0.1)], num_classes=3, **COMMON)
    with pytest.raises(ValueError, match="at least one config"):
        jaxnet.sweep(*problem, [], num_classes=3, **COMMON)
    with pytest.raises(ValueError, match=r"y must be in \[0, 2\)"):
        jaxnet.sweep(*problem, [dict(hidden_size=5)], num_classes=2, **COMMON)


def test_seeds_outside_the_keys_32_bits_are_refused():
    """``seed_keys`` (fit's and every sweep config's) refuses what jax.random.key would fold
    to 32 bits, and gives the last 32-bit seed its own keys."""
    for bad in (-1, 2**32, 2**64 + 3):
        with pytest.raises(ValueError, match=r"seed must be in \[0, 4294967295\]"):
            jaxnet.seed_keys(bad)
    last = jaxnet.seed_keys(2**32 - 1)[0]
    assert not np.array_equal(jax.random.key_data(last), jax.random.key_data(jaxnet.seed_keys(0)[0]))


def test_a_group_that_cannot_fit_is_refused_before_anything_is_compiled(problem, monkeypatch):
    """The library's own check (not only the programs'): a sweep group of 10**9 hidden units
    needs far more than any machine's memory, and is refused naming it, before any
    program runs."""
    def forbidden(*args, **kwargs):
        raise AssertionError("a program ran")
    monkeypatch.setattr(loop, "group_piece", forbidden)
    with pytest.raises(ValueError, match=r"training 1,000,000,000 hidden units .* more than"):
        jaxnet.sweep(*problem, [dict(hidden_size=10**9)], num_classes=3, **COMMON)
