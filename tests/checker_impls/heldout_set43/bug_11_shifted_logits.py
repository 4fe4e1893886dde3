"""Two-layer net with a namedtuple forward cache, itertools schedules and callbacks.

The forward pass returns an immutable ``Cache`` that the backward pass reads,
the per-epoch step sizes come from ``itertools.accumulate``, and everything
that happens at an epoch boundary is a small callback.
"""

import itertools
import operator
from collections import namedtuple

import numpy as np


Cache = namedtuple("Cache", "X z1 h1 scores")
NAMES = ("W1", "b1", "W2", "b2")
get_weights = operator.itemgetter("W1", "W2")


def dense_init(fan_in, fan_out, std):
    return std * np.random.randn(fan_in, fan_out)


def log_softmax(x, axis=1):
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def rate_schedule(initial, decay):
    """initial, initial * decay, initial * decay ** 2, ... (one value per epoch)."""
    return itertools.accumulate(itertools.repeat(decay), operator.mul, initial=initial)


def l2(reg, weights):
    """The L2 penalty of the weights and a function giving its gradient for one weight."""
    penalty = reg * sum(np.sum(W * W) for W in weights)
    gradient = lambda W: 2 * reg * W
    return penalty, gradient


class TwoLayerNet:
    """Two-layer net; parameters live in ``self.params`` (W1, b1, W2, b2)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": dense_init(input_size, hidden_size, std),
            "b1": np.zeros(hidden_size),
            "W2": dense_init(hidden_size, output_size, std),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64) for name in NAMES}
        return net

    def _forward(self, X):
        W1, b1, W2, b2 = operator.itemgetter(*NAMES)(self.params)
        z1 = X.dot(W1) + b1
        h1 = np.maximum(0, z1)
        logits = h1.dot(W2) + b2
        return Cache(X, z1, h1, logits - logits.max(axis=1, keepdims=True))

    def loss(self, X, y=None, reg=0.0):
        cache = self._forward(X)
        if y is None:
            return cache.scores

        n = X.shape[0]
        rows = np.arange(n)
        log_probs = log_softmax(cache.scores)
        penalty, decay_grad = l2(reg, get_weights(self.params))
        loss = -log_probs[rows, y].mean() + penalty

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        dscores /= n
        W1, W2 = get_weights(self.params)
        dz1 = dscores.dot(W2.T) * (cache.z1 > 0)
        grads = {
            "W1": cache.X.T.dot(dz1) + decay_grad(W1),
            "b1": dz1.sum(axis=0),
            "W2": cache.h1.T.dot(dscores) + decay_grad(W2),
            "b2": dscores.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        rates = rate_schedule(learning_rate, learning_rate_decay)
        state = {"rate": next(rates)}
        losses, train_accs, val_accs = [], [], []
        accuracy = lambda inputs, labels: np.mean(self.predict(inputs) == labels)
        callbacks = (
            lambda X_batch, y_batch: train_accs.append(accuracy(X_batch, y_batch)),
            lambda X_batch, y_batch: val_accs.append(accuracy(X_val, y_val)),
            lambda X_batch, y_batch: state.update(rate=next(rates)),
        )

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            losses.append(loss)
            for name in NAMES:
                self.params[name] -= state["rate"] * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % per_epoch == 0:
                for callback in callbacks:
                    callback(X_batch, y_batch)

        return {"loss_history": losses, "train_acc_history": train_accs,
                "val_acc_history": val_accs}

    def predict(self, X):
        return np.argmax(self._forward(X).scores, axis=1)
