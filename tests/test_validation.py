"""Bad input gets a clear ValueError/TypeError on the host, before any jitted code runs."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import checks, loop


@pytest.fixture
def problem():
    rng = np.random.default_rng(0)
    params = jaxnet.init_params(jax.random.key(0), 6, 5, 3, std=0.1, dtype=jnp.float64)
    X, y = rng.standard_normal((20, 6)), rng.integers(0, 3, 20)
    return params, X, y


@pytest.fixture(autouse=True)
def no_device_work(monkeypatch):
    """Any call into the compiled training programs fails the test."""
    def forbidden(*args, **kwargs):
        raise AssertionError("compiled training code ran before validation")
    monkeypatch.setattr(loop, "piece", forbidden)
    monkeypatch.setattr(loop, "group_piece", forbidden)


def train(params, X, y, X_val=None, y_val=None, **kwargs):
    kwargs.setdefault("key", jax.random.key(0))
    kwargs.setdefault("num_iters", 3)
    kwargs.setdefault("batch_size", 4)
    return jaxnet.train(params, X, y, X if X_val is None else X_val,
                        y if y_val is None else y_val, **kwargs)


def test_X_not_2d(problem):
    params, X, y = problem
    with pytest.raises(ValueError, match="X must be 2-D"):
        train(params, X[:, :, None], y)
    with pytest.raises(ValueError, match="X must be 2-D"):
        jaxnet.scores(params, X[0])


def test_X_width_not_W1_rows(problem):
    params, X, y = problem
    with pytest.raises(ValueError, match="X has 5 columns but the network takes 6"):
        train(params, X[:, :5], y)
    with pytest.raises(ValueError, match="X_val has 7 columns"):
        train(params, X, y, X_val=np.ones((4, 7)), y_val=y[:4])
    with pytest.raises(ValueError, match="columns"):
        jaxnet.loss(params, X[:, :5], y)


def test_y_length_not_N(problem):
    params, X, y = problem
    with pytest.raises(ValueError, match=r"y must have shape \(20,\)"):
        train(params, X, y[:-1])
    with pytest.raises(ValueError, match=r"y_val must have shape \(20,\)"):
        train(params, X, y, X_val=X, y_val=y[:3])


@pytest.mark.parametrize("bad", [3, -1, 100])
def test_labels_out_of_range(problem, bad):
    params, X, y = problem
    y = y.copy()
    y[7] = bad
    with pytest.raises(ValueError, match=r"y must be in \[0, 3\): y\[7\] = " + str(bad)):
        train(params, X, y)
    with pytest.raises(ValueError, match=r"\[0, 3\)"):
        jaxnet.loss(params, X, y)
    with pytest.raises(ValueError, match=r"y_val must be in"):
        train(params, X, problem[2], X_val=X, y_val=y)


def test_labels_not_integers(problem):
    params, X, y = problem
    with pytest.raises(TypeError, match="integer class labels"):
        train(params, X, y.astype(float))
    with pytest.raises(TypeError, match="integer class labels"):
        jaxnet.loss(params, X, y.astype(np.float32))
    with pytest.raises(TypeError, match="integer class labels"):
        train(params, X, y.astype(bool))


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_non_finite_X(problem, value):
    params, X, y = problem
    X = X.copy()
    X[4, 2] = value
    with pytest.raises(ValueError, match="X has non-finite values.*row 4"):
        train(params, X, y)
    with pytest.raises(ValueError, match="X_val has non-finite"):
        train(params, problem[1], y, X_val=X, y_val=y)
    with pytest.raises(ValueError, match="non-finite"):
        jaxnet.predict(params, jnp.asarray(X))


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_non_finite_device_arrays_are_found_anywhere(value):
    """Every position of a device array, including a vector's remainder lanes and the
    last element, and every float dtype: the check must see one non-finite value."""
    for dtype in (jnp.float32, jnp.float16, jnp.bfloat16):
        for shape, flat_index in (((1, 1), 0), ((7, 13), 0), ((7, 13), 50), ((7, 13), 90),
                                  ((3, 1031), 3092)):
            X = np.zeros(shape)
            X.flat[flat_index] = value
            with pytest.raises(ValueError, match=f"non-finite.*row {flat_index // shape[1]}"):
                checks.check_inputs(jnp.asarray(X, dtype), shape[1])
        checks.check_inputs(jnp.full((7, 13), 3e4, dtype), 13)  # finite: passes
    checks.check_inputs(jnp.zeros((0, 5)), 5)  # no rows: nothing to check


def test_X_of_wrong_kind(problem):
    params, X, y = problem
    with pytest.raises(TypeError, match="real numbers"):
        jaxnet.scores(params, X.astype(complex))
    with pytest.raises(TypeError, match="real numbers"):
        train(params, X > 0, y)


@pytest.mark.parametrize("batch_size", [0, -3])
def test_batch_size_not_positive(problem, batch_size):
    params, X, y = problem
    with pytest.raises(ValueError, match="batch_size must be > 0"):
        train(params, X, y, batch_size=batch_size)


def test_num_iters_negative_or_not_integer(problem):
    params, X, y = problem
    with pytest.raises(ValueError, match="num_iters must be >= 0"):
        train(params, X, y, num_iters=-1)
    with pytest.raises(TypeError, match="num_iters must be an integer"):
        train(params, X, y, num_iters=2.5)


def test_batch_indices_wrong_shape(problem):
    params, X, y = problem
    with pytest.raises(ValueError, match=r"batch_indices must have shape .* \(3, 4\)"):
        train(params, X, y, batch_indices=np.zeros((3, 5), int))
    with pytest.raises(ValueError, match="batch_indices must have shape"):
        train(params, X, y, batch_indices=np.zeros(12, int))


@pytest.mark.parametrize("bad", [20, -1])
def test_batch_indices_out_of_range(problem, bad):
    params, X, y = problem
    indices = np.zeros((3, 4), int)
    indices[2, 1] = bad
    with pytest.raises(ValueError, match=r"batch_indices must be in \[0, 20\)"):
        train(params, X, y, batch_indices=indices)


def test_batch_indices_not_integers(problem):
    params, X, y = problem
    with pytest.raises(TypeError, match="batch_indices must be integers"):
        train(params, X, y, batch_indices=np.zeros((3, 4)))


@pytest.mark.parametrize("missing", ["W1", "b1", "W2", "b2"])
def test_params_missing_key(problem, missing):
    params, X, y = problem
    params = {k: v for k, v in params.items() if k != missing}
    with pytest.raises(ValueError, match=f"missing \\['{missing}'\\]"):
        train(params, X, y)
    with pytest.raises(ValueError, match="missing"):
        jaxnet.scores(params, X)


@pytest.mark.parametrize("key, shape, message", [
    ("b1", (4,), "b1 has shape"),
    ("W2", (4, 3), "W2 must have H = 5 rows"),
    ("b2", (2,), "b2 has shape"),
    ("W1", (6,), "W1 and W2 must be 2-D"),
])
def test_params_inconsistent_shapes(problem, key, shape, message):
    params, X, y = problem
    params = dict(params, **{key: jnp.zeros(shape)})
    with pytest.raises(ValueError, match=message):
        train(params, X, y)


def test_params_extra_key_or_int_dtype(problem):
    params, X, y = problem
    with pytest.raises(ValueError, match="unexpected \\['W3'\\]"):
        train(dict(params, W3=params["W1"]), X, y)
    with pytest.raises(TypeError, match="float array"):
        train(dict(params, b2=jnp.zeros(3, jnp.int32)), X, y)
    with pytest.raises(TypeError, match="params must be a dict"):
        train([params], X, y)


def test_needs_key_or_indices(problem):
    params, X, y = problem
    with pytest.raises(ValueError, match="key="):
        train(params, X, y, key=None)


@pytest.mark.parametrize("kwargs, message", [
    (dict(learning_rate=0.0), "learning_rate must be in"),
    (dict(learning_rate=float("nan")), "learning_rate must be finite"),
    (dict(learning_rate_decay=1.5), "learning_rate_decay must be in"),
    (dict(reg=-1.0), "reg must be in"),
    (dict(dropout=1.0), "dropout must be in"),
    (dict(optimizer="lbfgs"), "optimizer must be one of"),
    (dict(schedule="linear"), "schedule must be one of"),
    (dict(sampling="bootstrap"), "sampling must be one of"),
    (dict(flip=True), "image_shape"),
    (dict(crop=2, image_shape=(2, 2, 2)), "image_shape"),
    (dict(sampling="epoch", batch_size=21), "batch_size <= the 20"),
])
def test_bad_options(problem, kwargs, message):
    params, X, y = problem
    with pytest.raises((ValueError, TypeError), match=message):
        train(params, X, y, **kwargs)


def test_empty_training_set(problem):
    params, X, y = problem
    with pytest.raises(ValueError, match="no rows"):
        train(params, X[:0], y[:0])


def test_init_params_bad_sizes():
    with pytest.raises(ValueError, match="hidden_size must be > 0"):
        jaxnet.init_params(jax.random.key(0), 4, 0, 3)
    with pytest.raises(ValueError, match="std must be"):
        jaxnet.init_params(jax.random.key(0), 4, 2, 3, std="xavier")
