"""The training objective (``jaxnet.model.objective``): label smoothing, inverted dropout and
mixup, each against the loss written out in NumPy from the noise the objective draws."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import layout, model
from tests.helpers import make_plan, random_problem, to_jax, traced


@pytest.fixture(scope="module")
def tiny():
    rng = np.random.default_rng(4)
    params, X, y = random_problem(rng, 24, 6, 5, 3, scale=0.5)
    return params, X, y, None


def test_label_smoothing_loss():
    rng = np.random.default_rng(0)
    scores = rng.standard_normal((7, 4))
    y = rng.integers(0, 4, 7)
    e = 0.2
    log_p = scores - np.log(np.exp(scores).sum(1, keepdims=True))
    target = (1 - e) * np.eye(4)[y] + e / 4
    expected = -(target * log_p).sum(1).mean()
    got = jaxnet.model.cross_entropy(jnp.asarray(scores), jnp.asarray(y), e)
    assert float(got) == pytest.approx(expected, rel=1e-12)


def objective_with_and_without(tiny, key, **switch):
    """(loss with the switched-on recipe, loss without), both at rate 0 and reg 0, and the
    pieces to call the objective again."""
    params, X, y, _ = tiny
    tparams = layout.to_layout(to_jax(params), "transposed")
    on = make_plan(24, 6, num_iters=1, batch_size=4, **switch)
    off = make_plan(24, 6, num_iters=1, batch_size=4)
    hp = traced(reg=0.0)
    loss = lambda recipe: float(model.objective(tparams, X, y, key, hp, recipe))
    return loss(on), loss(off), (tparams, hp, on)


def test_dropout_is_inverted_and_rate_zero_is_exact(tiny):
    params, X, y, _ = tiny
    key = jax.random.key(3)
    with_flag, without, (tparams, hp, on) = objective_with_and_without(tiny, key, dropout=0.5)
    assert with_flag == without  # rate 0: the mask keeps everything, scaled by exactly 1
    hp["dropout"] = jnp.asarray(0.5)
    h = np.maximum(0, X @ params["W1"] + params["b1"])
    keep = np.asarray(jax.random.bernoulli(jax.random.split(key, 3)[0], 0.5, h.shape))
    assert 0.3 < keep.mean() < 0.7
    scores = np.where(keep, h / 0.5, 0) @ params["W2"] + params["b2"]
    log_p = scores - np.log(np.exp(scores).sum(1, keepdims=True))
    expected = -log_p[np.arange(len(y)), y].mean()
    assert float(model.objective(tparams, X, y, key, hp, on)) == pytest.approx(expected, rel=1e-12)


def mixed_log_probs(params, X, key, alpha):
    """(lam, perm, log-probabilities (N, C) of the mixed rows) as the objective draws them
    from ``key`` (its second and third split), computed in NumPy."""
    _, mix_key, perm_key = jax.random.split(key, 3)
    lam = float(jax.random.beta(mix_key, alpha, alpha, dtype=jnp.float64))
    perm = np.asarray(jax.random.permutation(perm_key, len(X)))
    Xm = lam * X + (1 - lam) * X[perm]
    scores = np.maximum(0, Xm @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
    return lam, perm, scores - np.log(np.exp(scores).sum(1, keepdims=True))


@pytest.mark.slow
def test_mixup_mixes_inputs_and_losses(tiny):
    params, X, y, _ = tiny
    key = jax.random.key(8)
    with_flag, without, (tparams, hp, on) = objective_with_and_without(tiny, key, mixup=0.4)
    assert with_flag == without  # alpha 0: lam = 1, no mixing
    hp["mixup"] = jnp.asarray(0.4)
    lam, perm, log_p = mixed_log_probs(params, X, key, 0.4)
    assert 0 < lam < 1 and not np.array_equal(perm, np.arange(len(X)))
    rows = np.arange(len(y))
    expected = -(lam * log_p[rows, y] + (1 - lam) * log_p[rows, y[perm]]).mean()
    assert float(model.objective(tparams, X, y, key, hp, on)) == pytest.approx(expected, rel=1e-12)


def test_label_smoothing_applies_to_both_labels_of_a_mixup_pair(tiny):
    """The training objective smooths both targets of a mixed pair: lam CE_e(y) +
    (1 - lam) CE_e(y[perm]), each against (1 - e) one-hot + e / C, written out here."""
    params, X, y, _ = tiny
    key = jax.random.key(8)
    _, _, (tparams, hp, on) = objective_with_and_without(tiny, key, mixup=0.4)
    e = 0.2
    hp["mixup"], hp["label_smoothing"] = jnp.asarray(0.4), jnp.asarray(e)
    lam, perm, log_p = mixed_log_probs(params, X, key, 0.4)
    C = log_p.shape[1]
    smoothed = lambda labels: -(((1 - e) * np.eye(C)[labels] + e / C) * log_p).sum(1).mean()
    expected = lam * smoothed(y) + (1 - lam) * smoothed(y[perm])
    assert float(model.objective(tparams, X, y, key, hp, on)) == pytest.approx(expected, rel=1e-12)
