"""Two-layer net with keyword-only helpers, a namedtuple architecture, a
frozen dataclass for the SGD settings and a validating decorator on ``train``."""
import functools
import inspect
from collections import namedtuple
from dataclasses import dataclass

import numpy as np

Architecture = namedtuple("Architecture", "input_size hidden_size output_size")


@dataclass(frozen=True)
class SGDConfig:
    learning_rate: float
    learning_rate_decay: float
    reg: float
    num_iters: int
    batch_size: int
    verbose: bool = False


def l2_penalty(*weights, strength, scale=0.5):
    return scale * strength * sum(np.sum(W * W) for W in weights)


def with_weight_decay(grad, W, *, strength, factor=2.0):
    return grad + factor * strength * W


def validated(fn):
    """Bind train()'s arguments to its signature (defaults applied) and check the batch size."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        if bound.arguments["batch_size"] <= 0:
            raise ValueError("batch_size must be positive")
        return fn(*bound.args, **bound.kwargs)

    return wrapper


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> softmax; parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.architecture = Architecture(input_size, hidden_size, output_size)
        self.params = self._initial_params(self.architecture, std=std)

    @staticmethod
    def _initial_params(arch, *, std):
        return {
            "W1": std * np.random.randn(arch.input_size, arch.hidden_size),
            "b1": np.zeros(arch.hidden_size),
            "W2": std * np.random.randn(arch.hidden_size, arch.output_size),
            "b2": np.zeros(arch.output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        W1, W2 = net.params["W1"], net.params["W2"]
        net.architecture = Architecture(W1.shape[0], W1.shape[1], W2.shape[1])
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = np.dot(X, p["W1"]) + p["b1"]
        h1 = np.maximum(0, z1)
        scores = np.dot(h1, p["W2"]) + p["b2"]
        if y is None:
            return scores

        n = X.shape[0]
        picked = (np.arange(n), y)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -np.mean(log_probs[picked]) + l2_penalty(p["W1"], p["W2"], strength=reg)

        dscores = np.exp(log_probs)
        dscores[picked] -= 1
        dscores /= n
        dz1 = np.dot(dscores, p["W2"].T) * (z1 > 0)
        grads = {
            "W1": with_weight_decay(np.dot(X.T, dz1), p["W1"], strength=reg),
            "b1": dz1.sum(axis=0),
            "W2": with_weight_decay(np.dot(h1.T, dscores), p["W2"], strength=reg),
            "b2": dscores.sum(axis=0),
        }
        return loss, grads

    @validated
    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        config = SGDConfig(learning_rate=learning_rate, learning_rate_decay=learning_rate_decay,
                           reg=reg, num_iters=num_iters, batch_size=batch_size, verbose=verbose)
        return self._sgd(X, y, X_val, y_val, config=config)

    def _sgd(self, X, y, X_val, y_val, *, config):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // config.batch_size, 1)
        rate = config.learning_rate
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(config.num_iters):
            idx = np.random.choice(num_train, size=config.batch_size, replace=True)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=config.reg)
            stats["loss_history"].append(loss)
            for name, grad in grads.items():
                self.params[name] -= rate * grad

            if config.verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, config.num_iters, loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(self._accuracy(X_batch, y_batch))
                stats["val_acc_history"].append(self._accuracy(X_val, y_val))
                rate *= config.learning_rate_decay

        return stats

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
