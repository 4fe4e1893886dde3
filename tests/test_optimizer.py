"""jaxnet.optimizer: each update rule against a NumPy loop over the reference's gradients
(momentum, Nesterov, Adam, decoupled weight decay), each schedule against its formula
written out here, and the accuracy record."""

import math

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import loop, model, optimizer
from reference import TwoLayerNet
from tests.helpers import make_plan, random_problem, to_jax


def schedule_values(dtype=jnp.float64, num_train=40, **options):
    """The learning rate of every update of a run (40 rows, batches of 10: 4 per epoch)."""
    config = jaxnet.Config(batch_size=10, **options)
    plan = loop.make_plan([config], num_train, 3)
    schedule = optimizer.make_schedule(plan, loop.traced_values(config, dtype))
    return [schedule(jnp.int32(k)) for k in range(config.num_iters + 1)]


def test_notebook_schedule_decays_after_each_epoch_boundary():
    got = schedule_values(learning_rate=0.5, learning_rate_decay=0.9, num_iters=9)
    expected = [0.5 * 0.9 ** math.ceil(k / 4) for k in range(10)]
    np.testing.assert_allclose([float(v) for v in got], expected, rtol=1e-15)


def test_schedules_keep_the_float32_of_their_rate():
    for options in (dict(), dict(schedule="cosine"), dict(schedule="step")):
        values = schedule_values(jnp.float32, learning_rate=0.5, num_iters=9, **options)
        assert all(v.dtype == jnp.float32 for v in values), options


def test_cosine_without_warmup_falls_to_zero_at_the_end():
    got = schedule_values(learning_rate=0.2, schedule="cosine", num_iters=8)
    expected = [0.2 * 0.5 * (1 + math.cos(math.pi * k / 8)) for k in range(9)]
    np.testing.assert_allclose([float(v) for v in got], expected, rtol=1e-12, atol=1e-15)


def test_cosine_with_a_warmup_as_long_as_the_run_still_climbs_linearly():
    # 2 epochs of warm-up = the whole 8-update run: the rate climbs by lr / 8 per update.
    got = schedule_values(learning_rate=0.2, schedule="cosine", warmup_epochs=2, num_iters=8)
    np.testing.assert_allclose([float(v) for v in got[:9]], [0.2 * k / 8 for k in range(9)],
                               rtol=1e-12, atol=1e-15)


def test_step_schedule_warms_up_then_decays_every_period():
    # warm-up of one epoch (4 updates), then x0.5 every 1.5 epochs (6 updates).
    got = schedule_values(learning_rate=0.4, learning_rate_decay=0.5, schedule="step",
                          warmup_epochs=1, step_epochs=1.5, num_iters=14)
    expected = [0.4 * min(1.0, (k + 1) / 4) * 0.5 ** (k // 6) for k in range(15)]
    np.testing.assert_allclose([float(v) for v in got], expected, rtol=1e-15)


@pytest.mark.parametrize("dtype", [jnp.float32, jnp.float64])
def test_correct_fraction_counts_rows_whose_top_class_is_the_label(dtype):
    # Identity layers: the scores are relu(X) itself, so each row's top class is its argmax.
    params = {"W1": jnp.eye(3, dtype=dtype), "b1": jnp.zeros(3, dtype),
              "W2": jnp.eye(3, dtype=dtype), "b2": jnp.zeros(3, dtype)}
    X = jnp.asarray([[1, 0, 0], [0, 2, 1], [0, 1, 2], [3, 1, 0]], dtype)
    y = jnp.asarray([0, 1, 1, 0], jnp.int32)  # rows 0, 1, 3 right; row 2 is class 2
    got = model.correct_fraction(params, X, y)
    assert got.dtype == dtype and float(got) == 0.75


@pytest.mark.slow
def test_a_run_without_mixup_in_a_group_that_mixes_is_not_mixed():
    """In a vmapped group where another run asks for mixup, the program holds mixup's code; a
    run with mixup 0 must still see its own minibatch (with dropout, a mixed batch would pair
    the rows with other dropout masks)."""
    rng = np.random.default_rng(0)
    X = jnp.asarray(rng.standard_normal((6, 4)))
    y = jnp.asarray(rng.integers(0, 3, 6), jnp.int32)
    params = jaxnet.init_params(jaxnet.seed_keys(0)[0], 4, 5, 3, std=0.5, dtype=jnp.float64)
    plain = jaxnet.Config(dropout=0.5)
    hp = loop.traced_values(plain, jnp.float64)
    mixing_plan = loop.make_plan([plain, jaxnet.Config(dropout=0.5, mixup=0.2)], 6, 4)
    plain_plan = loop.make_plan([plain], 6, 4)
    assert "mixup" in mixing_plan.enabled and "mixup" not in plain_plan.enabled
    for seed in range(8):
        key = jax.random.key(seed)
        assert float(model.objective(params, X, y, key, hp, mixing_plan)) == float(
            model.objective(params, X, y, key, hp, plain_plan))
    with jax.debug_nans(True):  # and draws no NaN on the way (Beta(0, 0) would: alpha is floored)
        model.objective(params, X, y, jax.random.key(0), hp, mixing_plan)


# ------------------------------------------------------------ update rules, run

LR, MU = 0.1, 0.9


@pytest.fixture(scope="module")
def tiny():
    rng = np.random.default_rng(4)
    params, X, y = random_problem(rng, 24, 6, 5, 3, scale=0.5)
    indices = rng.integers(0, 24, (9, 4))
    return params, X, y, indices


def reference_grads(params, X, y, reg=0.0):
    net = TwoLayerNet.from_params(params)
    return net.loss(X, y, reg=reg)[1]


def run_jax(tiny, **options):
    params, X, y, indices = tiny
    kw = dict(learning_rate=LR, learning_rate_decay=1.0, reg=0.0, num_iters=9, batch_size=4,
              batch_indices=indices)
    kw.update(options)
    return jaxnet.train(to_jax(params), X, y, X, y, **kw)[0]


def run_numpy(tiny, update):
    """Plain loop: update(params, grads, state, k) -> (params, state)."""
    params, X, y, indices = tiny
    p = {k: v.copy() for k, v in params.items()}
    state = None
    for k, idx in enumerate(indices):
        p, state = update(p, reference_grads(p, X[idx], y[idx]), state, k)
    return p


def assert_params_close(a, b):
    for k in b:
        np.testing.assert_allclose(a[k], b[k], rtol=1e-10, atol=1e-12, err_msg=k)


def test_heavy_ball_momentum(tiny):
    def update(p, g, m, k):
        m = {n: g[n] + (MU * m[n] if m else 0) for n in g}
        return {n: p[n] - LR * m[n] for n in p}, m
    assert_params_close(run_jax(tiny, optimizer="momentum", momentum=MU), run_numpy(tiny, update))


def test_nesterov_momentum(tiny):
    def update(p, g, m, k):
        m = {n: g[n] + (MU * m[n] if m else 0) for n in g}
        return {n: p[n] - LR * (g[n] + MU * m[n]) for n in p}, m
    assert_params_close(run_jax(tiny, optimizer="nesterov", momentum=MU), run_numpy(tiny, update))


def test_adam(tiny):
    b1, b2, eps = 0.9, 0.999, 1e-8

    def update(p, g, s, k):
        m, v = s or ({n: 0 * g[n] for n in g}, {n: 0 * g[n] for n in g})
        m = {n: b1 * m[n] + (1 - b1) * g[n] for n in g}
        v = {n: b2 * v[n] + (1 - b2) * g[n] ** 2 for n in g}
        t = k + 1
        step = {n: (m[n] / (1 - b1 ** t)) / (np.sqrt(v[n] / (1 - b2 ** t)) + eps) for n in g}
        return {n: p[n] - LR * step[n] for n in p}, (m, v)
    assert_params_close(run_jax(tiny, optimizer="adam"), run_numpy(tiny, update))


def test_decoupled_weight_decay_skips_biases_and_momentum(tiny):
    wd = 0.05

    def update(p, g, m, k):
        m = {n: g[n] + (MU * m[n] if m else 0) for n in g}
        return {n: p[n] - LR * (m[n] + (wd * p[n] if n.startswith("W") else 0)) for n in p}, m
    got = run_jax(tiny, optimizer="momentum", momentum=MU, weight_decay=wd)
    assert_params_close(got, run_numpy(tiny, update))


def test_cosine_schedule_with_warmup():
    plan = make_plan(100, 4, num_iters=50, batch_size=10, schedule="cosine",
                         warmup_epochs=1.0)  # 10 iterations per epoch
    schedule = optimizer.make_schedule(plan, {"learning_rate": 0.2, "learning_rate_decay": 1.0})
    for k in range(50):
        if k < 10:
            expected = 0.2 * k / 10
        else:
            expected = 0.2 * 0.5 * (1 + math.cos(math.pi * (k - 10) / 40))
        assert float(schedule(k)) == pytest.approx(expected, abs=1e-7), k


def test_step_schedule():
    plan = make_plan(100, 4, num_iters=50, batch_size=10, schedule="step", step_epochs=2.0)
    schedule = optimizer.make_schedule(plan, {"learning_rate": 0.2, "learning_rate_decay": 0.5})
    assert [round(float(schedule(k)), 7) for k in (0, 19, 20, 39, 40)] == [0.2, 0.2, 0.1, 0.1, 0.05]
