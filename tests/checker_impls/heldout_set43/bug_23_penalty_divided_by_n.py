"""Two-layer fully connected net, refactored around small dataclass configs.

Architecture: input - affine - ReLU - affine - softmax, with an L2 penalty on the
weights. Hyperparameters travel in frozen/plain dataclasses instead of loose
arguments, and the numerics live in small pure helper functions.
"""

from dataclasses import asdict, dataclass
from functools import partial

import numpy as np


PARAM_ORDER = ("W1", "b1", "W2", "b2")


@dataclass(frozen=True)
class LayerSizes:
    input_size: int
    hidden_size: int
    output_size: int

    def weight_shapes(self):
        """(name, shape) of each weight matrix, in drawing order."""
        return [("W1", (self.input_size, self.hidden_size)),
                ("W2", (self.hidden_size, self.output_size))]

    def bias_shapes(self):
        return [("b1", (self.hidden_size,)), ("b2", (self.output_size,))]


@dataclass(frozen=True)
class InitConfig:
    std: float = 1e-4
    scale_by_fan_in: bool = False


@dataclass
class SGDConfig:
    learning_rate: float = 1e-3
    learning_rate_decay: float = 0.95
    reg: float = 5e-6
    num_iters: int = 100
    batch_size: int = 200
    verbose: bool = False

    def iterations_per_epoch(self, num_train):
        return max(num_train // self.batch_size, 1)


@dataclass
class History:
    loss_history: list
    train_acc_history: list
    val_acc_history: list

    @classmethod
    def empty(cls):
        return cls([], [], [])


def gaussian(shape, std, scale_by_fan_in=False):
    if scale_by_fan_in:
        std = std / np.sqrt(shape[0])
    return std * np.random.randn(*shape)


def affine(x, W, b):
    return x.dot(W) + b


def relu(x):
    return np.maximum(0, x)


def log_softmax(scores):
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def l2_penalty(reg, *weights):
    return reg * sum(np.sum(W * W) for W in weights)


def accuracy(predicted, labels):
    return (predicted == labels).mean()


class TwoLayerNet:
    """Two-layer net; parameters live in ``self.params`` (W1, b1, W2, b2)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = LayerSizes(input_size, hidden_size, output_size)
        config = InitConfig(std=std)
        draw = partial(gaussian, std=config.std, scale_by_fan_in=config.scale_by_fan_in)
        params = {name: draw(shape) for name, shape in sizes.weight_shapes()}
        params.update({name: np.zeros(shape) for name, shape in sizes.bias_shapes()})
        self.params = {name: params[name] for name in PARAM_ORDER}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in PARAM_ORDER}
        return net

    def _forward(self, X):
        p = self.params
        z1 = affine(X, p["W1"], p["b1"])
        h1 = relu(z1)
        return z1, h1, affine(h1, p["W2"], p["b2"])

    def loss(self, X, y=None, reg=0.0):
        z1, h1, scores = self._forward(X)
        if y is None:
            return scores

        W1, W2 = self.params["W1"], self.params["W2"]
        n = X.shape[0]
        rows = np.arange(n)
        log_probs = log_softmax(scores)
        loss = (-log_probs[rows, y].sum() + l2_penalty(reg, W1, W2)) / n

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        dscores /= n
        dz1 = dscores.dot(W2.T) * (z1 > 0)
        grads = {
            "W1": X.T.dot(dz1) + 2 * reg * W1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T.dot(dscores) + 2 * reg * W2,
            "b2": dscores.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        cfg = SGDConfig(learning_rate, learning_rate_decay, reg, num_iters, batch_size, verbose)
        num_train = X.shape[0]
        per_epoch = cfg.iterations_per_epoch(num_train)
        history = History.empty()
        rate = cfg.learning_rate

        for it in range(cfg.num_iters):
            idx = np.random.choice(num_train, cfg.batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=cfg.reg)
            history.loss_history.append(loss)
            for name in PARAM_ORDER:
                self.params[name] -= rate * grads[name]

            if cfg.verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, cfg.num_iters, loss))

            if it % per_epoch == 0:
                history.train_acc_history.append(accuracy(self.predict(X_batch), y_batch))
                history.val_acc_history.append(accuracy(self.predict(X_val), y_val))
                rate *= cfg.learning_rate_decay

        return asdict(history)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
