"""The model's edges: init's checks and messages, the loss's default, accuracy with and
without test-time views, and the traceable accuracy the compiled loop records. Expected
values come from the reference or from NumPy written here."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import model
from reference import TwoLayerNet
from tests.helpers import random_problem, to_jax


@pytest.mark.parametrize("position, name", [(0, "input_size"), (1, "hidden_size"),
                                            (2, "num_classes")])
def test_init_names_the_size_that_is_not_positive(position, name):
    sizes = [4, 5, 3]
    sizes[position] = 0
    with pytest.raises(ValueError) as err:
        jaxnet.init_params(jax.random.key(0), *sizes)
    assert str(err.value) == f"{name} must be > 0, got 0"


@pytest.mark.parametrize("std", [-0.1, -1, "gaussian", None, [0.1]])
def test_init_refuses_a_std_that_is_neither_a_non_negative_number_nor_he(std):
    with pytest.raises(ValueError) as err:
        jaxnet.init_params(jax.random.key(0), 4, 5, 3, std=std)
    assert str(err.value) == f"std must be a non-negative float or 'he', got {std!r}"


def test_init_with_std_zero_gives_zero_weights():
    params = jaxnet.init_params(jax.random.key(0), 4, 5, 3, std=0)
    for k, v in params.items():
        np.testing.assert_array_equal(v, np.zeros_like(v), err_msg=k)


def test_loss_without_reg_is_the_unregularised_loss():
    params, X, y = random_problem(np.random.default_rng(0), 6, 4, 5, 3, scale=3.0)
    expected, _ = TwoLayerNet.from_params(params).loss(X, y, reg=0.0)
    got = jaxnet.loss(to_jax(params), X, y)
    np.testing.assert_allclose(float(got), expected, rtol=1e-12)


def numpy_predict(params, X):
    h = np.maximum(X @ params["W1"] + params["b1"], 0)
    return np.argmax(h @ params["W2"] + params["b2"], axis=1)


def test_accuracy_without_views_is_the_fraction_predicted_right():
    params, X, y = random_problem(np.random.default_rng(1), 40, 6, 5, 3, scale=3.0)
    expected = np.mean(numpy_predict(params, X) == y)
    assert 0 < expected < 1
    assert jaxnet.accuracy(to_jax(params), X, y) == expected


def numpy_shift(images, dy, dx):
    """Images (N, H, W, C) translated by (dy, dx) pixels, zero-filled."""
    out = np.zeros_like(images)
    H, W = images.shape[1:3]
    src_y, dst_y = slice(max(-dy, 0), H - max(dy, 0)), slice(max(dy, 0), H - max(-dy, 0))
    src_x, dst_x = slice(max(-dx, 0), W - max(dx, 0)), slice(max(dx, 0), W - max(-dx, 0))
    out[:, dst_y, dst_x] = images[:, src_y, src_x]
    return out


def test_shift_views_with_image_shape_and_no_flips():
    """``shift_average=1, image_shape=...``: each row scored as the sum over its nine
    translations by at most a pixel (no mirror images)."""
    shape = (2, 3, 1)
    params, X, y = random_problem(np.random.default_rng(2), 40, 6, 5, 3, scale=3.0)
    images = X.reshape((-1,) + shape)
    net = TwoLayerNet.from_params(params)
    total = sum(net.loss(numpy_shift(images, dy, dx).reshape(X.shape))
                for dy in (-1, 0, 1) for dx in (-1, 0, 1))
    expected = np.mean(np.argmax(total, axis=1) == y)
    assert expected != np.mean(numpy_predict(params, X) == y)  # the views change something
    got = jaxnet.accuracy(to_jax(params), X, y, shift_average=1, image_shape=shape)
    assert got == expected


@pytest.mark.parametrize("shape", [(2, 3), (6,), (1, 2, 3, 1), (2, 2, 1)])
def test_views_refuse_a_shape_that_is_not_the_inputs_image(shape):
    params, X, y = random_problem(np.random.default_rng(3), 5, 6, 5, 3)
    for kwargs in (dict(flip_average=shape), dict(shift_average=1, image_shape=shape)):
        with pytest.raises(ValueError) as err:
            jaxnet.accuracy(to_jax(params), X, y, **kwargs)
        assert str(err.value) == (f"test-time views need the image shape (height, width, "
                                  f"channels) of the 6 inputs, got {shape}")


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_correct_fraction_is_the_accuracy_in_the_inputs_dtype(dtype):
    params, X, y = random_problem(np.random.default_rng(4), 40, 6, 5, 3, scale=3.0)
    expected = np.mean(numpy_predict(params, X) == y)
    assert 0 < expected < 1
    jparams = to_jax(params, dtype)
    X, y = jnp.asarray(X, dtype), jnp.asarray(y, jnp.int32)
    for fn in (model.correct_fraction, jax.jit(model.correct_fraction)):
        got = fn(jparams, X, y)
        assert got.dtype == dtype and got.shape == ()
        np.testing.assert_allclose(float(got), expected, rtol=1e-6)
