"""The NumPy reference against the notebook's published numbers."""

import math

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


# ------------------------------------------------------- beyond the notebook's checks
# What the notebook's checks do not reach: the defaults, the softmax's shift, the
# ReLU's kink, what train records and prints, from_params's copies, the gradient check's output
# and the relative error's floor. Expected values are worked out by hand or with plain Python.

def small_problem(N=50, D=6, C=3, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((N, D)), rng.integers(0, C, N)


def test_init_default_std_is_1e_4():
    np.random.seed(5)
    W1 = np.random.randn(3, 2)
    W2 = np.random.randn(2, 4)
    np.random.seed(5)
    net = TwoLayerNet(3, 2, 4)
    np.testing.assert_allclose(net.params["W1"], 1e-4 * W1, rtol=1e-15)
    np.testing.assert_allclose(net.params["W2"], 1e-4 * W2, rtol=1e-15)


def test_loss_default_reg_is_zero():
    # z1 = X W1 = (0, 0), so every class scores 0 and the data loss is log(3); the weights are
    # not zero, so any default reg > 0 would add to it.
    net = TwoLayerNet.from_params({"W1": np.ones((2, 2)), "b1": np.zeros(2),
                                   "W2": np.ones((2, 3)), "b2": np.zeros(3)})
    loss, _ = net.loss(np.array([[1.0, -1.0]]), np.array([1]))
    assert loss == pytest.approx(math.log(3), rel=1e-12)  # z1 = 0, scores all 0


def two_row_net():
    """W1 = I, b1 = 0, W2 = I, b2 = 0 on 2 features: the scores are relu(X)."""
    eye = np.eye(2)
    return TwoLayerNet.from_params({"W1": eye, "b1": np.zeros(2), "W2": eye, "b2": np.zeros(2)})


def test_softmax_shift_is_by_each_rows_own_maximum():
    # Row 0 scores (1000, 0): stable only if shifted by its own max (1000 + 1000 overflows);
    # row 1 scores (0, 1): shifting by the global max (1000) would underflow exp to 0.
    net = two_row_net()
    X = np.array([[1000.0, 0.0], [0.0, 1.0]])
    y = np.array([1, 0])
    loss, grads = net.loss(X, y)
    # -log softmax by hand: row 0 is 1000 + log(1 + e^-1000) = 1000, row 1 is log(1 + e).
    expected = (1000.0 + math.log1p(math.exp(-1000.0)) + math.log1p(math.e)) / 2
    assert loss == pytest.approx(expected, rel=1e-14)
    assert all(np.isfinite(g).all() for g in grads.values())


def test_relu_kink_passes_no_gradient():
    # z1 = 0 exactly (zero input, zero bias): the ReLU's gradient there is 0, so db1 = 0.
    net = TwoLayerNet.from_params({"W1": np.ones((2, 2)), "b1": np.zeros(2),
                                   "W2": np.array([[1.0, -1.0], [2.0, 0.5]]), "b2": np.zeros(2)})
    _, grads = net.loss(np.zeros((3, 2)), np.array([0, 1, 1]))
    np.testing.assert_array_equal(grads["b1"], np.zeros(2))
    np.testing.assert_array_equal(grads["W1"], np.zeros((2, 2)))


def test_train_defaults_are_the_notebooks():
    # The notebook's signature: learning_rate=1e-3, learning_rate_decay=0.95, reg=5e-6,
    # num_iters=100, batch_size=200, verbose=False.
    X, y = small_problem(N=400)
    np.random.seed(1)
    a = TwoLayerNet(6, 5, 3, std=0.1)
    np.random.seed(2)
    by_default = a.train(X, y, X[:40], y[:40])
    np.random.seed(1)
    b = TwoLayerNet(6, 5, 3, std=0.1)
    np.random.seed(2)
    spelled = b.train(X, y, X[:40], y[:40], learning_rate=1e-3, learning_rate_decay=0.95,
                      reg=5e-6, num_iters=100, batch_size=200, verbose=False)
    assert len(by_default["loss_history"]) == 100
    assert by_default["loss_history"] == spelled["loss_history"]
    assert by_default["val_acc_history"] == spelled["val_acc_history"]


def test_train_epoch_is_a_whole_number_of_iterations():
    # 50 rows, batches of 20: 50 // 20 = 2 iterations per epoch (not 2.5), so iterations
    # 0, 2, 4, 6 and 8 of 10 end an epoch.
    X, y = small_problem()
    np.random.seed(0)
    stats = TwoLayerNet(6, 4, 3, std=0.1).train(X, y, X, y, num_iters=10, batch_size=20)
    assert len(stats["val_acc_history"]) == len(stats["train_acc_history"]) == 5


def test_train_records_the_accuracies_after_the_update():
    # One iteration is one epoch boundary: the recorded accuracies are those of the trained
    # net, on that minibatch and on the validation set.
    X, y = small_problem()
    np.random.seed(0)
    net = TwoLayerNet(6, 8, 3, std=0.5)
    np.random.seed(7)
    idx = np.random.choice(50, 25)  # the draw train makes
    np.random.seed(7)
    stats = net.train(X, y, X[:30], y[:30], learning_rate=0.5, num_iters=1, batch_size=25)
    batch_acc = np.mean(np.argmax(net.loss(X[idx]), axis=1) == y[idx])
    val_acc = np.mean(np.argmax(net.loss(X[:30]), axis=1) == y[:30])
    assert stats["train_acc_history"] == [batch_acc]
    assert stats["val_acc_history"] == [val_acc]
    # Neither 0.5 nor 0 or 1: a count of mismatches would not give the same numbers.
    assert 0 < val_acc < 1 and val_acc != 0.5 and 0 < batch_acc < 1 and batch_acc != 0.5


def test_train_prints_every_100_iterations_only_when_verbose(capsys):
    X, y = small_problem()
    np.random.seed(0)
    stats = TwoLayerNet(6, 4, 3, std=0.1).train(X, y, X, y, num_iters=201, batch_size=10,
                                               verbose=True)
    lines = capsys.readouterr().out.splitlines()
    losses = stats["loss_history"]
    assert lines == [f"iteration {it} / 201: loss {losses[it]:f}" for it in (0, 100, 200)]
    np.random.seed(0)
    TwoLayerNet(6, 4, 3, std=0.1).train(X, y, X, y, num_iters=201, batch_size=10)
    assert capsys.readouterr().out == ""


def test_from_params_copies_to_float64():
    params = {"W1": np.ones((2, 3), dtype=np.float32), "b1": np.zeros(3, dtype=np.float32),
              "W2": np.ones((3, 2), dtype=np.float32), "b2": np.zeros(2, dtype=np.float32),
              "extra": np.ones(1)}
    net = TwoLayerNet.from_params(params)
    assert sorted(net.params) == ["W1", "W2", "b1", "b2"]
    for k in ("W1", "b1", "W2", "b2"):
        assert net.params[k].dtype == np.float64
        np.testing.assert_array_equal(net.params[k], params[k])
    params["W1"][0, 0] = 5.0
    assert net.params["W1"][0, 0] == 1.0


def test_numerical_gradient_prints_each_index_when_verbose(capsys):
    x = np.array([[1.0, 2.0]])
    grad = eval_numerical_gradient(lambda v: float(np.sum(v ** 2)), x, verbose=True)
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ", 2)[:2] for line in lines] == [["(0,", "0)"], ["(0,", "1)"]]
    assert [float(line.rsplit(" ", 1)[1]) for line in lines] == pytest.approx([2.0, 4.0])
    np.testing.assert_allclose(grad, [[2.0, 4.0]], rtol=1e-8)
    eval_numerical_gradient(lambda v: float(np.sum(v ** 2)), x)
    assert capsys.readouterr().out == ""


def test_rel_error_floors_the_denominator_at_1e_8():
    # |0 - 1e-9| / max(1e-8, 0 + 1e-9) = 1e-9 / 1e-8
    assert rel_error(np.array([0.0]), np.array([1e-9])) == pytest.approx(0.1)
    assert rel_error(0.0, 0.0) == 0.0


@pytest.mark.skipif(np.finfo(np.longdouble).eps >= np.finfo(np.float64).eps,
                    reason="long double is float64 here")
@pytest.mark.parametrize("wide", ["x", "y"])
def test_rel_error_compares_in_float64(wide):
    # 1 + 2**-60 rounds to 1.0 in float64: the two arguments are equal there.
    one_plus = np.longdouble(1) + np.longdouble(2) ** -60
    assert one_plus != 1
    x, y = (one_plus, 1.0) if wide == "x" else (1.0, one_plus)
    assert rel_error(np.array([x]), np.array([y])) == 0.0
