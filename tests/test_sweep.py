"""jaxnet.sweep: vmapped configs equal training each alone; one program per hidden size."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import checks, loop, parallel, sweeps
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
    # a sweep stops no run: the diverged config's record goes on at each epoch's end (4 of 20 updates
    # of 6 an epoch), those of its non-finite params, as the others' do; its flag says what they are worth
    assert not np.isfinite(results[1]["params"]["W1"]).all()
    for r in results:
        assert r["history"]["val_acc_history"].shape == (4,) and np.isfinite(r["history"]["val_acc_history"]).all()


def test_bad_sweep_configs(problem):
    """Each refusal word for word: a static option among the configs gets the hint, other keys not."""
    X, y, X_val, y_val = problem
    refusals = [([dict(hidden_size=5, lr=0.1)], {},
                 f"unknown config keys ['lr']; allowed: {sweeps.CONFIG_KEYS}"),
                ([dict(hidden_size=5, batch_size=4)], {},
                 f"unknown config keys ['batch_size']; allowed: {sweeps.CONFIG_KEYS}; ['batch_size'] shape "
                 f"the program and are shared by all configs: pass them as keywords"),
                ([dict(learning_rate=0.1)], {}, "every config needs a hidden_size, got {'learning_rate': 0.1}"),
                ([dict(hidden_size=0)], {}, "hidden_size must be > 0, got 0"),
                ([dict(hidden_size=5, seed=-1)], {}, "seed must be >= 0, got -1"),
                ([], {}, "a sweep or search needs at least one config"),
                ([dict(hidden_size=5)], dict(X=X[:, 0]), "X must be 2-D (N, D), got shape (60,)")]
    for configs, data, words in refusals:
        with pytest.raises(ValueError) as refused:
            jaxnet.sweep(data.get("X", X), y, X_val, y_val, configs, num_classes=3, **COMMON)
        assert str(refused.value) == words
    with pytest.raises(ValueError, match=r"y must be in \[0, 2\)"):
        jaxnet.sweep(*problem, [dict(hidden_size=5)], num_classes=2, **COMMON)


def test_seeds_outside_the_keys_32_bits_are_refused():
    """``seed_keys`` (fit's and every sweep config's) refuses what jax.random.key would fold
    to 32 bits, and gives the last 32-bit seed its own keys."""
    for bad in (-1, 2**32, 2**64 + 3):
        with pytest.raises(ValueError, match=r"seed must be in \[0, 4294967295\]"):
            jaxnet.seed_keys(bad)
    last = jaxnet.seed_keys(2**32 - 1)[0]
    key = jax.random.key(7)  # a key is split as it is
    for mine, split in zip(jaxnet.seed_keys(key), jax.random.split(key)):
        np.testing.assert_array_equal(jax.random.key_data(mine), jax.random.key_data(split))
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


@pytest.mark.slow
def test_a_sweep_left_to_its_defaults_trains_train_s_float32_nets_of_ten_classes(monkeypatch):
    """Left out, a sweep's options are train's and init_params': ten classes, std 1e-4 (so the first loss
    is log 10 within 1e-3), float32, seed 0; image_shape reaches the program (flip needs it); the memory
    check sees the group's dtype, evaluation rows, runs and classes; each result has exactly its keys."""
    rng = np.random.default_rng(5)
    X, y = rng.standard_normal((40, 8)), rng.integers(0, 10, 40)
    seen = []
    real = checks.check_run_fits
    monkeypatch.setattr(checks, "check_run_fits", lambda *a, **k: seen.append((a[1:], k)) or real(*a, **k))
    grid = [dict(hidden_size=5, learning_rate=0.1), dict(hidden_size=5, learning_rate=0.2)]
    found = jaxnet.sweep(X, y, X[:12], y[:12], grid, num_iters=4, batch_size=8, flip=True, image_shape=(2, 2, 2))
    for r in found:
        assert sorted(r) == sorted(["config", "iterations", "rung_val_acc", "stopped_at_rung", "diverged",
                                    "history", "params", "val_acc"])
        assert r["config"]["seed"] == 0 and r["iterations"] == 4
        assert r["params"]["W2"].shape == (5, 10) and {v.dtype for v in r["params"].values()} == {np.dtype(np.float32)}
        assert abs(r["history"]["loss_history"][0] - np.log(10)) < 1e-3
    (D, hidden, dtype, N), kwargs = seen[0]
    assert (D, hidden, np.dtype(dtype), N) == (8, 5, np.float32, 40)
    assert kwargs == dict(num_eval=12, runs=2, num_classes=10)


@pytest.mark.slow
def test_a_spread_sweep_pads_its_configs_to_the_device_count_and_splits_them(problem, monkeypatch):
    """spread=True, here on one device that says there are four (tests/test_parallel.py runs four real
    ones in a child process): the data is put once on the configs' mesh, and each group's traced options
    and states are padded to a multiple of the device count, the last config repeated, and split; the
    configs' results are the unspread sweep's. Without spread, or with one device, nothing is split."""
    calls = []
    split, replicate = parallel.split_configs, parallel.replicate
    monkeypatch.setattr(parallel, "split_configs", lambda tree: calls.append(("split", tree)) or split(tree))
    monkeypatch.setattr(parallel, "replicate",
                        lambda tree, axis: calls.append(("replicate", tree, axis)) or replicate(tree, axis))
    grid = [dict(hidden_size=5, learning_rate=lr) for lr in (0.05, 0.1, 0.2)]
    options = dict(num_classes=3, std=0.1, dtype=jnp.float64, **COMMON)
    monkeypatch.setattr(jax, "device_count", lambda *args: 1)  # whatever this process has
    alone = jaxnet.sweep(*problem, grid, spread=True, **options)
    monkeypatch.setattr(jax, "device_count", lambda *args: 4)
    assert jaxnet.sweep(*problem, grid, **options)[0]["iterations"] == 20 and calls == []
    spread = jaxnet.sweep(*problem, grid, spread=True, **options)
    (_, data, axis), *splits = calls
    assert axis == parallel.CONFIG_AXIS and np.array_equal(data.X, problem[0])
    assert {leaf.shape[0] for _, tree in splits for leaf in jax.tree.leaves(tree)} == {4}
    rates = [np.asarray(tree["learning_rate"]) for _, tree in splits if "learning_rate" in tree]
    assert rates and all(np.array_equal(r, [0.05, 0.1, 0.2, 0.2]) for r in rates)
    assert any("params" in tree for _, tree in splits)  # the states
    assert len(spread) == 3
    for a, b in zip(spread, alone):
        for k in a["params"]:
            np.testing.assert_allclose(a["params"][k], b["params"][k], rtol=1e-12, atol=1e-15)


@pytest.mark.slow
def test_a_sweeps_bar_says_sweep_and_counts_config_iterations_only_when_asked(problem, capsys):
    """progress=False (the default) draws nothing; progress=True a bar "sweep" over every config's
    iterations, in iterations per second (tests/test_search.py: a search's)."""
    grid = [dict(hidden_size=5), dict(hidden_size=5, learning_rate=0.2)]
    options = dict(num_classes=3, std=0.1, dtype=jnp.float64, **COMMON)
    jaxnet.sweep(*problem, grid, **options)
    assert capsys.readouterr().err == ""
    jaxnet.sweep(*problem, grid, progress=True, **options)
    err = capsys.readouterr().err
    assert "sweep: 100%" in err and "| 40.0/40.0 [" in err and "it/s]" in err
