"""Two-layer net whose parameters are reached through descriptors and properties.

``net.W1`` is a descriptor-backed alias for ``net.params["W1"]``, so the maths
reads like the lecture notes while ``self.params`` stays the single source of truth.
"""
import types

import numpy as np


class Param:
    """Descriptor: ``obj.<name>`` reads and writes ``obj.params[<name>]``."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.params[self.name]

    def __set__(self, obj, value):
        obj.params[self.name] = value


class TwoLayerNet:
    W1 = Param()
    b1 = Param()
    W2 = Param()
    b2 = Param()

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.W1 = std * np.random.randn(input_size, hidden_size)
        self.b1 = np.zeros(hidden_size)
        self.W2 = std * np.random.randn(hidden_size, output_size)
        self.b2 = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    @property
    def trainable(self):
        """The parameters SGD updates, as a read-only mapping."""
        return types.MappingProxyType(self.params)

    @property
    def weights(self):
        return self.W1, self.W2

    @staticmethod
    def relu(z):
        return 0.5 * (z + np.abs(z))

    def loss(self, X, y=None, reg=0.0):
        z1 = X @ self.W1 + self.b1
        h1 = self.relu(z1)
        scores = h1 @ self.W2 + self.b2
        if y is None:
            return scores

        n = X.shape[0]
        rows = np.arange(n)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -log_probs[rows, y].mean()
        reg_loss = reg * sum(np.linalg.norm(W) ** 2 for W in self.weights)

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        dscores /= n
        dz1 = (dscores @ self.W2.T) * (z1 > 0)
        grads = {
            "W1": X.T @ dz1 + 2 * reg * self.W1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T @ dscores + 2 * reg * self.W2,
            "b2": dscores.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        rate = learning_rate
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.permutation(num_train)[:batch_size]
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, value in self.trainable.items():
                value -= rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
