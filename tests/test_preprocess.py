"""jaxnet.preprocess: ZCA, PCA and per-channel standardisation against their definitions."""

import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import fitting, preprocess


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


def test_preprocessing_is_fitted_on_the_training_split_and_applied_to_all():
    """--preprocess: "fitted on the training split, applied to all": every split is
    standardised with the training pixels' channel means and deviations (NumPy here)."""
    rng = np.random.default_rng(2)
    splits = {f"X_{n}": rng.standard_normal((rows, 12)) * scale + shift
              for n, rows, scale, shift in (("train", 40, 2.0, 1.0), ("val", 10, 5.0, -3.0),
                                            ("test", 10, 0.5, 7.0))}
    recipe = jaxnet.Recipe.of(preprocess="channel", dtype="float64")
    out, prep = fitting.preprocessed(recipe, splits, image_shape=(2, 2, 3))
    pixels = splits["X_train"].reshape(-1, 3)
    mean, std = np.tile(pixels.mean(0), 4), np.tile(pixels.std(0), 4)
    for name in ("X_train", "X_val", "X_test"):
        np.testing.assert_allclose(out[name], (splits[name] - mean) / std, rtol=1e-12, err_msg=name)


def test_float32_rows_are_whitened_from_a_float64_eigendecomposition(correlated):
    """fit's promise: the covariance in the rows' precision, its eigendecomposition in float64."""
    X, _ = correlated
    rows = X.astype(np.float32)
    prep = preprocess.fit("zca", rows, eps=0.1)
    assert prep["matrix"].dtype == np.float64
    values, vectors = np.linalg.eigh(np.cov(rows.astype(np.float64), rowvar=False, bias=True))
    expected = (vectors / np.sqrt(values + 0.1 * values.mean())) @ vectors.T
    np.testing.assert_allclose(prep["matrix"], expected, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("kind", preprocess.KINDS)
def test_fit_and_apply_take_any_array_of_rows_and_return_numpy_rows_in_the_dtype_asked(correlated, kind):
    """Lists and JAX arrays in, NumPy rows in ``dtype`` out (float32 unless asked), the same
    numbers as from NumPy float64 rows."""
    X, X_val = correlated
    options = dict(image_shape=(2, 2, 3), components=5)
    prep = preprocess.fit(kind, X, **options)
    for key, value in preprocess.fit(kind, X.tolist(), **options).items():
        np.testing.assert_array_equal(value, prep[key], err_msg=key)
    want = preprocess.apply(prep, X_val, np.float64)
    for rows in (X_val.tolist(), jnp.asarray(X_val)):
        got = preprocess.apply(prep, rows)
        assert type(got) is np.ndarray and got.dtype == np.float32, (type(got), got.dtype)
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("kind", preprocess.KINDS)
def test_pixel_weights_are_float64_numpy_whatever_the_weights_array(correlated, kind):
    X, _ = correlated
    prep = preprocess.fit(kind, X, image_shape=(2, 2, 3), components=5)
    W1 = np.random.default_rng(3).standard_normal((preprocess.output_size(prep, 12), 7))
    V = preprocess.pixel_weights(prep, jnp.asarray(W1, jnp.float32))
    assert type(V) is np.ndarray and V.dtype == np.float64, (type(V), V.dtype)
    np.testing.assert_allclose(V, preprocess.pixel_weights(prep, W1), rtol=1e-6, atol=1e-6)


def test_a_whitening_eps_that_is_not_positive_is_refused(correlated):
    X, _ = correlated
    for kind in ("zca", "pca"):
        with pytest.raises(ValueError, match="eps must be > 0, got 0"):
            preprocess.fit(kind, X, eps=0)


def test_pca_keeps_the_top_variance_directions_all_of_them_by_default_and_one_at_least(correlated):
    """The k kept components span the covariance's top-k eigenvectors; no ``components``: all D;
    one component is allowed."""
    X, _ = correlated
    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False, bias=True))
    top = vectors[:, np.argsort(values)[::-1][:5]]
    M = preprocess.fit("pca", X, components=5)["matrix"]
    np.testing.assert_allclose(M @ np.linalg.pinv(M), top @ top.T, atol=1e-8)  # the same subspace
    assert preprocess.fit("pca", X)["matrix"].shape == (12, 12)
    assert preprocess.fit("pca", X, components=1)["matrix"].shape == (12, 1)


def test_the_mean_preprocessing_is_the_float64_training_mean_and_nothing_else(correlated):
    X, X_val = correlated
    rows = X.astype(np.float32)
    prep = preprocess.fit("mean", rows)
    assert sorted(prep) == ["kind", "mean"] and prep["mean"].dtype == np.float64
    np.testing.assert_allclose(prep["mean"], rows.astype(np.float64).mean(0), rtol=1e-12)
    np.testing.assert_allclose(preprocess.apply(prep, X_val, np.float64), X_val - prep["mean"], rtol=1e-12)
    for kind in preprocess.KINDS:
        assert str(preprocess.fit(kind, X, image_shape=(2, 2, 3))["kind"]) == kind


def test_no_rows_are_no_rows_in_the_output_dtype(correlated):
    X, _ = correlated
    out = preprocess.apply(preprocess.fit("pca", X, components=5), X[:0])
    assert out.shape == (0, 5) and out.dtype == np.float32


def test_the_whitening_eps_defaults_to_a_tenth_of_the_mean_variance(correlated):
    X, _ = correlated
    for kind in ("zca", "pca"):
        np.testing.assert_array_equal(preprocess.fit(kind, X)["matrix"], preprocess.fit(kind, X, eps=0.1)["matrix"])
        assert not np.allclose(preprocess.fit(kind, X)["matrix"], preprocess.fit(kind, X, eps=1.0)["matrix"])
