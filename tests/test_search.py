"""Successive halving: the right configs stop, survivors continue their own runs exactly."""

import json

import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import sweeps
from tests.helpers import count_compiles, recording_bar

COMMON = dict(num_iters=27, batch_size=10, learning_rate_decay=0.9)


@pytest.fixture(scope="module")
def problem():
    rng = np.random.default_rng(3)
    X = rng.standard_normal((60, 8))
    y = (X[:, 0] > 0).astype(int) + (X[:, 1] > 0)
    return X, y, X[:20], y[:20]


def test_rungs():
    assert sweeps.rungs(24, 5000, eta=3) == [555, 1666, 5000]
    assert sweeps.rungs(3, 5000, eta=3) == [5000]
    assert sweeps.rungs(4, 5000, eta=3) == [1666, 5000]
    assert sweeps.rungs(100, 27, eta=3, min_iters=3) == [3, 9, 27]
    assert sweeps.rungs(9, 3) == [1, 3]  # eta 3 and rungs of at least one update by default
    assert sweeps.rungs(3, 21, eta=2.1) == [10, 21]  # 21 / 2.1 = 10 updates, not the float floor's 9
    assert sweeps.rungs(9, 5, eta=3, min_iters=1.5) == [5]  # a rung of 5 / 3 -> 1 update is too short
    found = sweeps.rungs(64, 5000, eta=4.0)  # as the command line parses it
    assert found == [312, 1250, 5000] and all(type(n) is int for n in found)
    with pytest.raises(ValueError, match="eta"):
        sweeps.rungs(10, 100, eta=1)


@pytest.mark.slow
def test_halving_keeps_the_best_third_and_survivors_equal_their_full_runs(problem):
    grid = [dict(hidden_size=h, seed=s, learning_rate=lr)
            for h in (5, 6) for s in (0, 1) for lr in (0.01, 0.05, 0.2)]
    with count_compiles("group_piece") as compiles:
        found = jaxnet.search(*problem, grid, eta=3, min_iters=5, num_classes=3, std=0.1,
                              dtype=jnp.float64, **COMMON)
        programs = compiles()
    full = jaxnet.sweep(*problem, grid, num_classes=3, std=0.1, dtype=jnp.float64, **COMMON)
    budget = sweeps.rungs(len(grid), COMMON["num_iters"], min_iters=5)
    assert budget == [9, 27]
    # Rung 0: everyone trains 9 iterations; the best ceil(12 / 3) = 4 by val accuracy go on.
    first = [r["rung_val_acc"][0] for r in found]
    survivors = [i for i, r in enumerate(found) if r["stopped_at_rung"] is None]
    assert len(survivors) == 4
    assert min(first[i] for i in survivors) >= max(
        first[i] for i in range(len(grid)) if i not in survivors)
    for i, r in enumerate(found):
        assert r["iterations"] == (27 if i in survivors else 9)
        assert len(r["history"]["loss_history"]) == r["iterations"]
        # Each config's run is the full sweep's run, cut short or not: the same bits while
        # its group has the sweep's width (the first rung), float rounding after (a narrower
        # group's wide product may sum in another order).
        got, expected = r["history"]["loss_history"], full[i]["history"]["loss_history"]
        np.testing.assert_array_equal(got[:9], expected[:9])
        np.testing.assert_allclose(got, expected[:r["iterations"]], rtol=1e-12)
    for i in survivors:
        for k in found[i]["params"]:
            assert type(found[i]["params"][k]) is np.ndarray  # NumPy, as the docstring says
            np.testing.assert_allclose(found[i]["params"][k], full[i]["params"][k], rtol=1e-10,
                                       atol=1e-12)
        assert found[i]["val_acc"] == pytest.approx(full[i]["val_acc"])
    # Programs are shared by groups of one shape: 4 groups of 3 at rung 0 (two hidden
    # sizes), then the survivors' groups; never one program per group.
    shapes = {(h, len([i for i in survivors if grid[i]["hidden_size"] == h and grid[i]["seed"] == s]))
              for h in (5, 6) for s in (0, 1)}
    assert programs <= 2 + len({s for s in shapes if s[1]})


@pytest.mark.slow
def test_a_blowing_up_config_stops_at_the_first_rung(problem):
    X, y, X_val, y_val = problem
    found = jaxnet.search(X * 100, y, X_val, y_val, [dict(hidden_size=4, learning_rate=lr)
                                                     for lr in (0.01, 0.1, 1e8)],
                          eta=2, num_classes=3, std=1.0, dtype=jnp.float64, **COMMON)
    assert [r["stopped_at_rung"] for r in found] == [None, None, 0]  # 3 -> 2 survivors
    assert [r["iterations"] for r in found] == [27, 27, 13]
    assert "params" not in found[2] and found[0]["val_acc"] == found[0]["rung_val_acc"][-1]


def test_a_search_refuses_what_cannot_run_before_it_trains(problem, monkeypatch):
    """num_classes, options that shape the program given per config (named, sorted), and a loss
    history of every config that would not fit in memory."""
    from jaxnet import checks

    with pytest.raises(ValueError, match="num_classes must be > 0, got 0"):
        jaxnet.search(*problem, [dict(hidden_size=5)], num_classes=0, **COMMON)
    with pytest.raises(ValueError, match=r"\['batch_size', 'num_iters'\] shape the program"):
        jaxnet.search(*problem, [dict(hidden_size=5, num_iters=3, batch_size=4)], num_classes=3)
    monkeypatch.setattr(checks, "memory_bytes", lambda: 100)  # bytes: fewer than 2 x 27 floats
    with pytest.raises(ValueError, match="the loss history of 2 runs of 27 updates needs"):
        jaxnet.search(*problem, [dict(hidden_size=5), dict(hidden_size=6)], num_classes=3, **COMMON)


@pytest.mark.slow
def test_a_searchs_bar_counts_every_config_iteration_and_spread_is_a_sweeps(problem, monkeypatch):
    """progress=True: the bar's total is the config-iterations the search trains and its updates add up
    to it; spread=True (configs across devices) belongs to sweeps, and a search says so."""
    seen = []
    monkeypatch.setattr(sweeps, "tqdm", recording_bar(seen))
    grid = [dict(hidden_size=5, learning_rate=lr) for lr in (0.01, 0.05, 0.2, 0.5)]
    found = jaxnet.search(*problem, grid, eta=2, num_classes=3, std=0.1, progress=True, **COMMON)
    trained = sum(r["iterations"] for r in found)
    assert seen[0] == ("total", trained) and sum(n for what, n in seen[1:] if what == "update") == trained
    with pytest.raises(ValueError) as refused:
        jaxnet.search(*problem, grid, eta=2, num_classes=3, spread=True, **COMMON)
    assert str(refused.value) == "spread splits a sweep's configs across devices; a search does not"


@pytest.mark.slow
def test_a_search_left_to_its_defaults_keeps_a_third_from_rungs_of_one_update(problem, capsys):
    """eta 3 and min_iters 1 when left out: nine configs over three updates compare after one and
    three stop; ten classes and std 1e-4 (the first loss is log 10 within 1e-3); its bar says "search"
    and counts 9 + 3 x 2 config-iterations; without progress, none."""
    grid = [dict(hidden_size=5, learning_rate=lr) for lr in np.linspace(0.01, 0.5, 9)]
    options = dict(num_iters=3, batch_size=10)
    found = jaxnet.search(*problem, grid, progress=True, **options)
    assert sorted(r["iterations"] for r in found) == [1] * 6 + [3] * 3
    for r in found:
        assert abs(r["history"]["loss_history"][0] - np.log(10)) < 1e-3
        assert r["iterations"] == 1 or r["params"]["W2"].shape == (5, 10)
    assert sorted(r["stopped_at_rung"] for r in found if r["iterations"] == 1) == [0] * 6
    err = capsys.readouterr().err
    assert "search: 100%" in err and "| 15.0/15.0 [" in err and "it/s]" in err
    jaxnet.search(*problem, grid, **options)
    assert capsys.readouterr().err == ""


# ---------------------------------------------------------------------------- the program


def test_random_configs_follow_their_distributions():
    from jaxnet.cli import sweep_cifar10
    args = sweep_cifar10.build_parser().parse_args([
        "--random", "6000", "--learning-rates", "1e-4", "1e-2", "--regs", "0.01", "1",
        "--learning-rate-decays", "0.9", "0.99", "--hidden-sizes", "50", "100", "200",
        "--seeds", "0", "1"])
    configs = sweep_cifar10.sample(args)
    assert len(configs) == 6000
    for name, low, high in (("learning_rate", 1e-4, 1e-2), ("reg", 0.01, 1.0)):
        u = (np.log([c[name] for c in configs]) - np.log(low)) / (np.log(high) - np.log(low))
        assert 0 <= u.min() and u.max() <= 1
        # log-uniform: each tenth of the log range holds a tenth of the draws
        counts = np.histogram(u, bins=10, range=(0, 1))[0]
        assert np.all(np.abs(counts - 600) < 5 * np.sqrt(600)), (name, counts)
    decay = np.array([c["learning_rate_decay"] for c in configs])
    counts = np.histogram((decay - 0.9) / 0.09, bins=10, range=(0, 1))[0]
    assert decay.min() >= 0.9 and decay.max() <= 0.99 and np.all(np.abs(counts - 600) < 125)
    for name, values in (("hidden_size", (50, 100, 200)), ("seed", (0, 1))):
        drawn = [c[name] for c in configs]
        assert set(drawn) == set(values)
        for v in values:
            assert abs(drawn.count(v) - 6000 / len(values)) < 5 * np.sqrt(6000 / len(values))
    assert sweep_cifar10.sample(args) == configs  # --random-seed decides the draws


@pytest.mark.slow
def test_halving_from_the_command_line(data_dir, tmp_path):
    from jaxnet.cli import sweep_cifar10
    out = tmp_path / "out"
    assert sweep_cifar10.main([
        "--data-dir", str(data_dir), "--num-training", "80", "--num-validation", "20",
        "--num-test", "10", "--num-iters", "40", "--batch-size", "4", "--hidden-sizes", "3", "4",
        "--quiet", "--out", str(out), "--search", "halving", "--min-epochs", "0.2",
        "--eta", "4"]) == 0
    s = json.loads((out / "sweep.json").read_text())
    assert s["search"] == "halving" and len(s["results"]) == 24
    # 24 configs, then the best quarter (6); a rung of 40 // 16 = 2 would be under 0.2 epochs
    budget = [10, 40]
    assert sorted({r["iterations"] for r in s["results"]}) == budget
    assert sum(r["iterations"] == 40 for r in s["results"]) == 6
    assert s["trained_iterations"] == sum(r["iterations"] for r in s["results"]) < 24 * 40
    for r in s["results"]:
        assert len(r["rung_val_acc"]) == budget.index(r["iterations"]) + 1
        assert (r["stopped_at_rung"] is None) == (r["iterations"] == 40)
    assert s["best"]["test_acc"] is not None
