"""jaxnet's forward pass, loss and jax.grad against the notebook and the NumPy reference."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import model
from reference import TwoLayerNet, eval_numerical_gradient, notebook, rel_error
from tests.helpers import random_problem, to_jax


def test_scores_match_notebook_float64(toy_net, toy_data):
    X, _ = toy_data
    scores = jaxnet.scores(to_jax(toy_net.params), X)
    assert scores.dtype == jnp.float64 and scores.shape == (5, 3)
    assert np.sum(np.abs(np.asarray(scores) - notebook.CORRECT_SCORES)) < notebook.SCORES_TOL


def test_loss_matches_notebook_float64(toy_net, toy_data):
    X, y = toy_data
    loss = jaxnet.loss(to_jax(toy_net.params), X, y, notebook.LOSS_REG)
    assert loss.shape == () and loss.dtype == jnp.float64
    assert abs(float(loss) - notebook.CORRECT_LOSS) < notebook.LOSS_TOL


@pytest.mark.parametrize("name", ["W1", "b1", "W2", "b2"])
def test_jax_grad_passes_numeric_gradient_check(toy_net, toy_data, name):
    X, y = toy_data
    params = {k: np.array(v) for k, v in toy_net.params.items()}
    grads = jax.grad(jaxnet.loss)(to_jax(params), X, y, notebook.LOSS_REG)

    def f(_):  # reads params[name], which eval_numerical_gradient perturbs in place
        return float(jaxnet.loss(to_jax(params), X, y, notebook.LOSS_REG))

    numeric = eval_numerical_gradient(f, params[name])
    assert rel_error(numeric, grads[name]) < notebook.GRAD_REL_TOL


def test_jax_grad_equals_handwritten_backward_on_toy(toy_net, toy_data):
    X, y = toy_data
    _, expected = toy_net.loss(X, y, reg=notebook.LOSS_REG)
    grads = jax.grad(jaxnet.loss)(to_jax(toy_net.params), X, y, notebook.LOSS_REG)
    assert set(grads) == {"W1", "b1", "W2", "b2"}
    for k in expected:
        assert grads[k].shape == expected[k].shape
        assert rel_error(grads[k], expected[k]) < 1e-10, k


@pytest.mark.parametrize("N, D, H, C, reg", [
    (1, 3, 2, 2, 0.0),
    (7, 5, 11, 4, 0.1),
    (32, 20, 16, 10, 1e-3),
    (64, 48, 30, 7, 2.5),
    (13, 3072, 9, 10, 0.25),
])
def test_jax_grad_equals_handwritten_backward_random_shapes(N, D, H, C, reg):
    rng = np.random.default_rng(N * 1000 + D)
    params, X, y = random_problem(rng, N, D, H, C)
    net = TwoLayerNet.from_params(params)
    expected_loss, expected = net.loss(X, y, reg=reg)
    loss, grads = jax.value_and_grad(jaxnet.loss)(to_jax(params), X, y, reg)
    assert abs(float(loss) - expected_loss) < 1e-12 * max(1.0, abs(expected_loss))
    for k in expected:
        assert rel_error(grads[k], expected[k]) < 1e-10, k
    np.testing.assert_allclose(jaxnet.scores(to_jax(params), X), net.loss(X), rtol=1e-12, atol=1e-12)


def test_relu_inputs_exactly_zero_get_zero_gradient_like_reference():
    rng = np.random.default_rng(7)
    params, X, y = random_problem(rng, 10, 6, 8, 4)
    params["W1"][:, :3] = 0.0  # hidden units 0-2: pre-activation = b1, which we zero
    params["b1"][:3] = 0.0
    X[:2] = 0.0  # rows 0-1: pre-activation = b1 for every unit
    params["b1"][3:5] = 0.0
    net = TwoLayerNet.from_params(params)
    z1 = X @ params["W1"] + params["b1"]
    assert (z1 == 0).sum() >= 10 * 3 + 2 * 2  # the test really has exact zeros
    _, expected = net.loss(X, y, reg=0.3)
    grads = jax.grad(jaxnet.loss)(to_jax(params), X, y, 0.3)
    for k in expected:
        assert rel_error(grads[k], expected[k]) < 1e-10, k
    np.testing.assert_array_equal(np.asarray(grads["b1"][:3]), 0.0)


def test_tied_top_scores_predict_first_class_and_match_gradients():
    rng = np.random.default_rng(11)
    params, X, y = random_problem(rng, 12, 5, 6, 4)
    params["W2"][:, 2] = params["W2"][:, 1] = np.abs(params["W2"][:, 1]) + 5.0
    params["b2"][:] = 0.0  # classes 1 and 2 tie and beat the rest on every row
    net = TwoLayerNet.from_params(params)
    scores = net.loss(X)
    assert np.all(scores[:, 1] == scores[:, 2]) and np.all(scores.argmax(1) == 1)
    np.testing.assert_array_equal(np.asarray(jaxnet.predict(to_jax(params), X)), net.predict(X))
    _, expected = net.loss(X, y, reg=0.05)
    grads = jax.grad(jaxnet.loss)(to_jax(params), X, y, 0.05)
    for k in expected:
        assert rel_error(grads[k], expected[k]) < 1e-10, k


def test_float32_close_to_float64(toy_net, toy_data):
    X, y = toy_data
    p64, p32 = to_jax(toy_net.params), to_jax(toy_net.params, jnp.float32)
    X32 = jnp.asarray(X, jnp.float32)
    s32, s64 = jaxnet.scores(p32, X32), jaxnet.scores(p64, X)
    assert s32.dtype == jnp.float32
    assert np.max(np.abs(np.asarray(s32, np.float64) - np.asarray(s64))) < 1e-5
    l32 = jaxnet.loss(p32, X32, y, notebook.LOSS_REG)
    assert l32.dtype == jnp.float32
    assert abs(float(l32) - notebook.CORRECT_LOSS) < 1e-6


def test_predict_matches_reference_on_random_data():
    rng = np.random.default_rng(5)
    params, X, _ = random_problem(rng, 40, 9, 7, 5)
    net = TwoLayerNet.from_params(params)
    np.testing.assert_array_equal(np.asarray(jaxnet.predict(to_jax(params), X)), net.predict(X))


def test_init_params_shapes_dtype_and_std():
    params = jaxnet.init_params(jax.random.key(0), 300, 200, 10, std=0.5)
    assert {k: v.shape for k, v in params.items()} == {
        "W1": (300, 200), "b1": (200,), "W2": (200, 10), "b2": (10,)}
    assert all(v.dtype == jnp.float32 for v in params.values())
    assert abs(float(jnp.std(params["W1"])) - 0.5) < 0.01
    assert not jnp.any(params["b1"]) and not jnp.any(params["b2"])
    he = jaxnet.init_params(jax.random.key(0), 300, 200, 10, std="he", dtype=jnp.float64)
    assert he["W1"].dtype == jnp.float64
    assert abs(float(jnp.std(he["W1"])) - np.sqrt(2 / 300)) < 0.002
    assert abs(float(jnp.std(he["W2"])) - np.sqrt(2 / 200)) < 0.01
    again = jaxnet.init_params(jax.random.key(0), 300, 200, 10, std=0.5)
    np.testing.assert_array_equal(params["W1"], again["W1"])


def test_init_and_seed_keys_are_the_documented_draws_bit_for_bit():
    # Runs are reproducible across versions only while these stay the plain eager draws
    # (a fused, jitted draw of std * normal rounds differently).
    init_key, train_key = jaxnet.seed_keys(7)
    k_init, k_train = jax.random.split(jax.random.key(7))
    for got, expected in ((init_key, k_init), (train_key, k_train)):
        np.testing.assert_array_equal(jax.random.key_data(got), jax.random.key_data(expected))
    params = jaxnet.init_params(init_key, 300, 20, 10)
    k1, k2 = jax.random.split(k_init)
    np.testing.assert_array_equal(params["W1"], 1e-4 * jax.random.normal(k1, (300, 20), jnp.float32))
    np.testing.assert_array_equal(params["W2"], 1e-4 * jax.random.normal(k2, (20, 10), jnp.float32))


def test_loss_is_jittable_and_differentiable_under_jit(toy_net, toy_data):
    X, y = toy_data
    grad = jax.jit(jax.grad(jaxnet.loss))(to_jax(toy_net.params), X, y, 0.05)
    _, expected = toy_net.loss(X, y, reg=0.05)
    assert rel_error(grad["W1"], expected["W1"]) < 1e-10


# --------------------------------------------------------- init's checks, views, accuracy
# init's checks and messages, the loss's default, accuracy with and without test-time views,
# and the traceable accuracy the compiled loop records. Expected values come from the
# reference or from NumPy written here.


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


@pytest.mark.parametrize("call", ["loss", "scores", "predict", "accuracy"])
def test_each_entry_point_checks_its_inputs_before_jit(call):
    """scores, loss, predict and accuracy refuse inputs of the wrong width, and loss and accuracy
    labels out of range, on the host with a clear error (JAX would clamp a bad gather silently)."""
    rng = np.random.default_rng(0)
    params = to_jax(TwoLayerNet(4, 5, 3, std=0.5).params)
    X, y = rng.standard_normal((6, 4)), np.array([0, 1, 2, 0, 1, 2])
    run = {"loss": lambda X, y: jaxnet.loss(params, X, y), "scores": lambda X, y: jaxnet.scores(params, X),
           "predict": lambda X, y: jaxnet.predict(params, X), "accuracy": lambda X, y: jaxnet.accuracy(params, X, y)}[call]
    with pytest.raises(ValueError, match="X has 5 columns"):
        run(np.ones((6, 5)), y)
    if call in ("loss", "accuracy"):
        with pytest.raises(ValueError, match=r"y must be in \[0, 3\)"):
            run(X, np.array([0, 1, 2, 3, 1, 2]))
