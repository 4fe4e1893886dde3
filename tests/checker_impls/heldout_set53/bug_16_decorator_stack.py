"""Two-layer fully connected net: affine - ReLU - affine - softmax.

Written as a stack of small decorators: argument checks, call counting and
timing live outside the numerical code, so each method stays short.
"""
import functools
import time

import numpy as np


def counted(fn):
    """Record on the wrapper how many times ``fn`` ran."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def timed(fn):
    """Accumulate on the wrapper the seconds spent inside ``fn``."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            wrapper.seconds += time.perf_counter() - start
    wrapper.seconds = 0.0
    return wrapper


def positive_sizes(fn):
    """Argument check for the constructor: the three layer sizes must be positive."""
    @functools.wraps(fn)
    def wrapper(self, input_size, hidden_size, output_size, *args, **kwargs):
        sizes = (input_size, hidden_size, output_size)
        if min(sizes) <= 0:
            raise ValueError("layer sizes must be positive, got %r" % (sizes,))
        return fn(self, *sizes, *args, **kwargs)
    return wrapper


def two_dimensional(fn):
    """Argument check: the data matrix X must be 2-D."""
    @functools.wraps(fn)
    def wrapper(self, X, *args, **kwargs):
        X = np.asarray(X)
        if X.ndim != 2:
            raise ValueError("%s expects X of shape (N, D), got %r" % (fn.__name__, X.shape))
        return fn(self, X, *args, **kwargs)
    return wrapper


def averaged_over_batch(fn):
    """Turn a loss returning (batch sum, d sum / d scores) into the batch mean."""
    @functools.wraps(fn)
    def wrapper(scores, y):
        total, dtotal = fn(scores, y)
        n = scores.shape[0]
        return total / n, dtotal / n
    return wrapper


@averaged_over_batch
def softmax_cross_entropy(scores, y):
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(scores.shape[0])
    dscores = np.exp(log_probs)
    dscores[rows, y] -= 1.0
    return -log_probs[rows, y].mean(), dscores


def scaled_step(fn):
    """Hand the update rule the step ``lr * grad`` rather than the raw gradient."""
    @functools.wraps(fn)
    def wrapper(param, grad, lr):
        return fn(param, lr * grad)
    return wrapper


@scaled_step
def sgd_update(param, step):
    param -= step


class TwoLayerNet:
    """Two-layer net; parameters live in ``self.params`` (W1 (D, H), b1 (H,), W2 (H, C), b2 (C,))."""

    @counted
    @positive_sizes
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    @timed
    @two_dimensional
    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = map(self.params.__getitem__, ("W1", "b1", "W2", "b2"))
        z1 = X @ W1 + b1
        h1 = np.maximum(z1, 0.0)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        data_loss, dscores = softmax_cross_entropy(scores, y)
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dW2 = h1.T @ dscores + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dz1 = (dscores @ W2.T) * (z1 > 0)
        dW1 = X.T @ dz1 + 2 * reg * W1
        db1 = dz1.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def _accuracy(self, X, y):
        return (self.predict(X) == y).mean()

    @timed
    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats["loss_history"].append(loss)
            for name, param in self.params.items():
                sgd_update(param, grads[name], learning_rate)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(self._accuracy(X_batch, y_batch))
                stats["val_acc_history"].append(self._accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay

        return stats

    @two_dimensional
    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
