"""Training options beyond the notebook, each against an independent computation."""

import math

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import augment, layout, model, optimizer, preprocess
from reference import TwoLayerNet
from tests.helpers import make_plan as make_recipe, random_problem, to_jax, traced

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
    recipe = make_recipe(100, 4, num_iters=50, batch_size=10, schedule="cosine",
                         warmup_epochs=1.0)  # 10 iterations per epoch
    schedule = optimizer.make_schedule(recipe, {"learning_rate": 0.2, "learning_rate_decay": 1.0})
    for k in range(50):
        if k < 10:
            expected = 0.2 * k / 10
        else:
            expected = 0.2 * 0.5 * (1 + math.cos(math.pi * (k - 10) / 40))
        assert float(schedule(k)) == pytest.approx(expected, abs=1e-7), k


def test_step_schedule():
    recipe = make_recipe(100, 4, num_iters=50, batch_size=10, schedule="step", step_epochs=2.0)
    schedule = optimizer.make_schedule(recipe, {"learning_rate": 0.2, "learning_rate_decay": 0.5})
    assert [round(float(schedule(k)), 7) for k in (0, 19, 20, 39, 40)] == [0.2, 0.2, 0.1, 0.1, 0.05]


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
    on = make_recipe(24, 6, num_iters=1, batch_size=4, **switch)
    off = make_recipe(24, 6, num_iters=1, batch_size=4)
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


# ---------------------------------------------------------------------------- augmentation


def test_random_flip_mirrors_chosen_images():
    images = jnp.arange(6 * 4 * 5 * 3, dtype=jnp.float32).reshape(6, 4, 5, 3)
    out = np.asarray(augment.random_flip(jax.random.key(0), images))
    mirrored = np.asarray(images)[:, :, ::-1, :]
    flipped = [bool(np.array_equal(o, m)) for o, m in zip(out, mirrored)]
    kept = [bool(np.array_equal(o, i)) for o, i in zip(out, np.asarray(images))]
    assert all(f != k for f, k in zip(flipped, kept)) and any(flipped) and any(kept)


def test_random_crop_is_a_window_of_the_padded_image():
    rng = np.random.default_rng(0)
    images = rng.standard_normal((16, 6, 6, 2)).astype(np.float32) + 5.0
    out = np.asarray(augment.random_crop(jax.random.key(1), jnp.asarray(images), 2))
    padded = np.pad(images, ((0, 0), (2, 2), (2, 2), (0, 0)))
    offsets = set()
    for o, p in zip(out, padded):
        matches = [(i, j) for i in range(5) for j in range(5)
                   if np.array_equal(p[i:i + 6, j:j + 6], o)]
        assert len(matches) == 1
        offsets.add(matches[0])
    assert len(offsets) > 3  # offsets really vary


def test_augment_rows_keeps_layout_and_off_is_identity():
    X = jnp.arange(4 * 12, dtype=jnp.float32).reshape(4, 12)
    assert augment.augment(jax.random.key(0), X, (2, 2, 3)) is X
    flipped_twice = augment.flip_rows(augment.flip_rows(X, (2, 2, 3)), (2, 2, 3))
    np.testing.assert_array_equal(flipped_twice, X)


def test_flip_averaged_accuracy(tiny):
    rng = np.random.default_rng(2)
    params, X, y = random_problem(rng, 30, 12, 5, 3)
    mirror = X.reshape(30, 2, 2, 3)[:, :, ::-1, :].reshape(30, 12)
    scores = lambda Z: np.maximum(0, Z @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
    expected = np.mean(np.argmax(scores(X) + scores(mirror), 1) == y)
    assert jaxnet.accuracy(to_jax(params), X, y, flip_average=(2, 2, 3)) == pytest.approx(expected)


def test_shift_views_are_zero_filled_translations():
    rng = np.random.default_rng(3)
    images = rng.standard_normal((2, 5, 6, 3))
    X = jnp.asarray(images.reshape(2, -1))
    shifted = np.asarray(augment.shift_rows(X, (5, 6, 3), 2, -1)).reshape(images.shape)
    expected = np.zeros_like(images)
    expected[:, 2:, :5] = images[:, :3, 1:]  # down 2 rows, left 1 column
    np.testing.assert_array_equal(shifted, expected)
    views = augment.views(X, (5, 6, 3), flip=True, shift=1)
    assert len(views) == 18
    np.testing.assert_array_equal(views[4], X)  # the centre of the 3x3 grid is the identity


def test_shift_averaged_accuracy():
    rng = np.random.default_rng(6)
    params, X, y = random_problem(rng, 40, 27, 6, 3)  # 3x3x3 images
    image = X.reshape(40, 3, 3, 3)
    scores = lambda Z: np.maximum(0, Z.reshape(40, -1) @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"]
    total = 0
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            moved = np.zeros_like(image)
            moved[:, max(dy, 0):3 + min(dy, 0), max(dx, 0):3 + min(dx, 0)] = \
                image[:, max(-dy, 0):3 + min(-dy, 0), max(-dx, 0):3 + min(-dx, 0)]
            total = total + scores(moved) + scores(moved[:, :, ::-1])
    expected = np.mean(np.argmax(total, 1) == y)
    got = jaxnet.accuracy(to_jax(params), X, y, flip_average=(3, 3, 3), shift_average=1)
    assert got == pytest.approx(expected)
    with pytest.raises(ValueError, match="image shape"):
        jaxnet.accuracy(to_jax(params), X, y, shift_average=1)


# ---------------------------------------------------------------------------- preprocessing


@pytest.fixture(scope="module")
def correlated():
    rng = np.random.default_rng(0)
    mixing = rng.standard_normal((12, 12))
    X = rng.standard_normal((4000, 12)) @ mixing + 3.0
    return X, rng.standard_normal((50, 12)) @ mixing + 3.0


def test_zca_whitens_training_rows_and_keeps_layout(correlated):
    X, X_val = correlated
    prep = preprocess.fit("zca", X, eps=1e-10)
    Z = preprocess.apply(prep, X, np.float64)
    assert Z.shape == X.shape
    np.testing.assert_allclose(np.cov(Z, rowvar=False, bias=True), np.eye(12), atol=1e-3)
    # ZCA is the symmetric whitening: the closest whitened data to the centred input.
    assert np.allclose(prep["matrix"], prep["matrix"].T, atol=1e-8)
    # Other splits use the training statistics.
    expected = (X_val - X.mean(0)) @ prep["matrix"]
    np.testing.assert_allclose(preprocess.apply(prep, X_val, np.float64), expected, atol=1e-4)


def test_zca_eps_is_relative_to_mean_eigenvalue(correlated):
    X, _ = correlated
    values = np.linalg.eigvalsh(np.cov(X, rowvar=False, bias=True))
    prep = preprocess.fit("zca", X, eps=1.0)
    got = np.sort(np.linalg.eigvalsh(np.cov(preprocess.apply(prep, X, np.float64), rowvar=False, bias=True)))
    np.testing.assert_allclose(got, np.sort(values / (values + values.mean())), rtol=1e-3)


def test_pca_keeps_top_components_whitened(correlated):
    X, _ = correlated
    prep = preprocess.fit("pca", X, eps=1e-10, components=5)
    Z = preprocess.apply(prep, X, np.float64)
    assert Z.shape == (4000, 5) and preprocess.output_size(prep, 12) == 5
    np.testing.assert_allclose(np.cov(Z, rowvar=False, bias=True), np.eye(5), atol=1e-3)


def test_channel_standardisation():
    rng = np.random.default_rng(1)
    X = (rng.standard_normal((500, 2, 2, 3)) * [1.0, 5.0, 0.2] + [0.0, 10.0, -3.0]).reshape(500, 12)
    prep = preprocess.fit("channel", X, image_shape=(2, 2, 3))
    Z = preprocess.apply(prep, X, np.float64).reshape(-1, 3)
    np.testing.assert_allclose(Z.mean(0), 0, atol=1e-12)
    np.testing.assert_allclose(Z.std(0), 1, atol=1e-12)


@pytest.mark.parametrize("kind", ["zca", "pca", "channel"])
def test_pixel_weights_act_on_centred_pixels_like_the_preprocessed_net(correlated, kind):
    X, X_val = correlated
    prep = preprocess.fit(kind, X, image_shape=(2, 2, 3), eps=0.1, components=5)
    rng = np.random.default_rng(2)
    W1 = rng.standard_normal((preprocess.output_size(prep, 12), 7))
    V = preprocess.pixel_weights(prep, W1)
    assert V.shape == (12, 7)
    np.testing.assert_allclose((X_val - prep["mean"]) @ V,
                               preprocess.apply(prep, X_val, np.float64) @ W1, rtol=1e-6, atol=1e-6)


def test_preprocess_rejects_bad_arguments(correlated):
    X, _ = correlated
    with pytest.raises(ValueError, match="must be one of"):
        preprocess.fit("whiten", X)
    with pytest.raises(ValueError, match="components"):
        preprocess.fit("pca", X, components=13)
    with pytest.raises(ValueError, match="finite"):
        preprocess.fit("zca", np.full((3, 2), np.nan))


# ---------------------------------------------------------------------------- together


def test_full_recipe_is_reproducible_and_sweepable():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((64, 48)).astype(np.float32)
    y = rng.integers(0, 3, 64)
    options = dict(optimizer="nesterov", schedule="cosine", warmup_epochs=1, sampling="epoch",
                   flip=True, crop=1, image_shape=(4, 4, 3), num_iters=24, batch_size=8)
    hp = dict(learning_rate=0.05, weight_decay=1e-3, dropout=0.2, label_smoothing=0.1, mixup=0.2)
    init_key, train_key = jaxnet.seed_keys(5)
    params = jaxnet.init_params(init_key, 48, 16, 3, std="he")
    a = jaxnet.train(params, X, y, X, y, key=train_key, **options, **hp)
    b = jaxnet.train(params, X, y, X, y, key=train_key, **options, **hp)
    for k in a[0]:  # same seed, same bits
        np.testing.assert_array_equal(a[0][k], b[0][k])
    [swept] = jaxnet.sweep(X, y, X, y, [dict(hidden_size=16, seed=5, **hp)], num_classes=3,
                           std="he", **options)
    for k in a[0]:
        np.testing.assert_allclose(swept["params"][k], a[0][k], rtol=1e-5, atol=1e-6)
    other = jaxnet.train(params, X, y, X, y, key=jax.random.key(99), **options, **hp)
    assert not np.array_equal(other[0]["W1"], a[0]["W1"])
