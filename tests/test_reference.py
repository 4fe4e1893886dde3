"""The NumPy reference against the notebook's published numbers."""

import numpy as np
import pytest

from reference import TwoLayerNet, eval_numerical_gradient, notebook, rel_error


def test_toy_scores_match_notebook(toy_net, toy_data):
    X, _ = toy_data
    scores = toy_net.loss(X)
    assert scores.shape == (5, 3)
    assert np.sum(np.abs(scores - notebook.CORRECT_SCORES)) < notebook.SCORES_TOL


def test_toy_loss_matches_notebook(toy_net, toy_data):
    X, y = toy_data
    loss, _ = toy_net.loss(X, y, reg=notebook.LOSS_REG)
    assert abs(loss - notebook.CORRECT_LOSS) < notebook.LOSS_TOL


@pytest.mark.parametrize("name", ["W1", "b1", "W2", "b2"])
def test_backward_pass_passes_numeric_gradient_check(toy_net, toy_data, name):
    X, y = toy_data
    _, grads = toy_net.loss(X, y, reg=notebook.LOSS_REG)
    f = lambda _: toy_net.loss(X, y, reg=notebook.LOSS_REG)[0]
    numeric = eval_numerical_gradient(f, toy_net.params[name], verbose=False)
    assert grads[name].shape == toy_net.params[name].shape
    assert rel_error(numeric, grads[name]) < notebook.GRAD_REL_TOL


def test_toy_training_reaches_notebook_loss(toy_data):
    X, y = toy_data
    net = notebook.init_toy_model()  # re-seeded; the data are not redrawn
    stats = net.train(X, y, X, y, **notebook.TOY_TRAIN)
    final = stats["loss_history"][-1]
    assert abs(final - notebook.FINAL_TOY_LOSS) < 1e-12
    assert final < notebook.FINAL_TOY_LOSS_BOUND
    assert len(stats["loss_history"]) == 100
    # 5 rows, batch 200: one iteration per epoch, so every iteration records accuracy.
    assert len(stats["train_acc_history"]) == len(stats["val_acc_history"]) == 100


def test_init_draws_W1_then_W2_from_global_rng():
    np.random.seed(3)
    W1 = 0.5 * np.random.randn(6, 4)
    W2 = 0.5 * np.random.randn(4, 2)
    np.random.seed(3)
    net = TwoLayerNet(6, 4, 2, std=0.5)
    np.testing.assert_array_equal(net.params["W1"], W1)
    np.testing.assert_array_equal(net.params["W2"], W2)
    np.testing.assert_array_equal(net.params["b1"], np.zeros(4))
    np.testing.assert_array_equal(net.params["b2"], np.zeros(2))


def test_numerical_gradient_of_known_function_and_restores_input():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    original = x.copy()
    grad = eval_numerical_gradient(lambda v: np.sum(v ** 3), x)
    np.testing.assert_allclose(grad, 3 * original ** 2, rtol=1e-8)
    np.testing.assert_array_equal(x, original)


def test_rel_error():
    assert rel_error(np.array([1.0]), np.array([1.0])) == 0.0
    assert rel_error(np.array([1.0, 2.0]), np.array([1.0, 3.0])) == pytest.approx(0.2)


def test_predict_is_argmax_of_scores(toy_net, toy_data):
    X, _ = toy_data
    np.testing.assert_array_equal(toy_net.predict(X), np.argmax(notebook.CORRECT_SCORES, axis=1))


def test_train_records_accuracy_at_every_epoch_boundary():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((50, 6))
    y = rng.integers(0, 3, 50)
    np.random.seed(0)
    net = TwoLayerNet(6, 8, 3, std=0.1)
    stats = net.train(X, y, X[:20], y[:20], num_iters=30, batch_size=10)
    # iterations_per_epoch = 5: boundaries at 0, 5, 10, 15, 20, 25.
    assert len(stats["loss_history"]) == 30
    assert len(stats["train_acc_history"]) == len(stats["val_acc_history"]) == 6
