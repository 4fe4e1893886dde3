"""Two-layer net whose cross-cutting concerns live in decorators.

Argument coercion, timing and periodic logging are written once as decorators
and stacked on the methods that need them, so the methods themselves only
hold the maths of the network.
"""

import functools
import inspect
import time

import numpy as np


KEYS = ("W1", "b1", "W2", "b2")


def coerce_arguments(**converters):
    """Decorator factory: pass the named arguments through converters before the call."""
    def decorate(fn):
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            bound = signature.bind(*args, **kwargs)
            bound.apply_defaults()
            for name, convert in converters.items():
                if bound.arguments.get(name) is not None:
                    bound.arguments[name] = convert(bound.arguments[name])
            return fn(*bound.args, **bound.kwargs)
        return wrapper
    return decorate


def timed(fn):
    """Decorator: keep the wall time of the last call in ``self.timings``."""
    @functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(self, *args, **kwargs)
        finally:
            vars(self).setdefault("timings", {})[fn.__name__] = time.perf_counter() - start
    return wrapper


def log_every(period, template):
    """Decorator for a step ``step(self, *args) -> (loss, ...)`` called as
    ``step(self, it, num_iters, *args, verbose=...)``; prints the loss every ``period`` steps."""
    def decorate(step):
        @functools.wraps(step)
        def wrapper(self, it, num_iters, *args, verbose=False):
            result = step(self, *args)
            if verbose and it % period == 0:
                print(template % (it, num_iters, result[0]))
            return result
        return wrapper
    return decorate


def gaussian(rows, cols, std=1e-4):
    return std * np.random.randn(rows, cols)


def softmax_cross_entropy(scores, y):
    """Mean cross-entropy of the scores and its gradient with respect to them."""
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(n), y].mean()
    dscores = np.exp(log_probs)
    dscores[np.arange(n), y] -= 1
    return loss, dscores / n


class TwoLayerNet:
    """Two-layer net; parameters live in ``self.params`` (W1, b1, W2, b2)."""

    @coerce_arguments(input_size=int, hidden_size=int, output_size=int, std=float)
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = gaussian(input_size, hidden_size, std)
        W2 = gaussian(hidden_size, output_size, std)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size),
                       "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in KEYS}
        return net

    @timed
    @coerce_arguments(X=np.asarray, reg=float)
    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in KEYS)
        z1 = X @ W1 + b1
        active = z1 > 0
        h1 = np.where(active, z1, 0.0)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        data_loss, dscores = softmax_cross_entropy(scores, y)
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dz1 = (dscores @ W2.T) * active
        grads = {
            "W1": X.T @ dz1 + 2 * reg * W1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T @ dscores + 2 * reg * W2,
            "b2": dscores.sum(axis=0),
        }
        return loss, grads

    @log_every(100, "iteration %d / %d: loss %f")
    def _step(self, X, y, batch_size, learning_rate, reg):
        idx = np.random.choice(X.shape[0], batch_size)
        X_batch, y_batch = X[idx], y[idx]
        loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
        for key in ("W1", "b1", "W2", "b2"):
            self.params[key] -= learning_rate * grads[key]
        return loss, X_batch, y_batch

    @timed
    @coerce_arguments(learning_rate=int, learning_rate_decay=float, reg=float,
                      num_iters=int, batch_size=int)
    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        iterations_per_epoch = max(X.shape[0] // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            loss, X_batch, y_batch = self._step(it, num_iters, X, y, batch_size,
                                                learning_rate, reg, verbose=verbose)
            stats["loss_history"].append(loss)
            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return stats

    @coerce_arguments(X=np.asarray)
    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
