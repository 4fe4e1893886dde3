"""Two-layer net with descriptor-backed parameters and an Enum for the call mode.

Each parameter is also an attribute (``net.W1`` is ``net.params["W1"]``) via a
small data descriptor; derived facts such as the number of classes or the
names of the weight matrices are read-only properties.
"""

import enum

import numpy as np


class Mode(enum.Enum):
    SCORES = "scores"
    LOSS = "loss"


class Param:
    """Data descriptor exposing ``obj.params[name]`` as ``obj.<name>``."""

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.params[self.name]

    def __set__(self, obj, value):
        obj.params[self.name] = np.asarray(value, dtype=np.float64)


def log_softmax(scores):
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


class TwoLayerNet:
    """Two-layer net; parameters live in ``self.params`` (W1, b1, W2, b2)."""

    W1 = Param()
    b1 = Param()
    W2 = Param()
    b2 = Param()

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.W2 = std * np.random.randn(hidden_size, output_size)
        self.b2 = np.zeros(output_size)
        self.W1 = std * np.random.randn(input_size, hidden_size)
        self.b1 = np.zeros(hidden_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for name in ("W1", "b1", "W2", "b2"):
            setattr(net, name, np.array(params[name], dtype=np.float64))
        return net

    @property
    def num_classes(self):
        return self.b2.shape[0]

    @property
    def weight_names(self):
        return [name for name in self.params if name.startswith("W")]

    @property
    def param_names(self):
        return list(self.params)

    @staticmethod
    def mode_for(y):
        return Mode.SCORES if y is None else Mode.LOSS

    def loss(self, X, y=None, reg=0.0):
        z1 = X.dot(self.W1) + self.b1
        h1 = np.maximum(0, z1)
        scores = h1.dot(self.W2) + self.b2
        log_probs = log_softmax(scores)
        if self.mode_for(y) is Mode.SCORES:
            return scores

        n = X.shape[0]
        rows = np.arange(n)
        data_loss = -np.mean(log_probs[rows, y])
        reg_loss = reg * sum(np.sum(getattr(self, w) ** 2) for w in self.weight_names)

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        dscores /= n
        dh1 = dscores.dot(self.W2.T)
        dz1 = dh1 * (z1 > 0)
        grads = {
            "W1": X.T.dot(dz1) + 2 * reg * self.W1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T.dot(dscores) + 2 * reg * self.W2,
            "b2": dscores.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        epoch = 0
        rate = learning_rate

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            for name in self.param_names:
                setattr(self, name, getattr(self, name) - rate * grads[name])

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                epoch += 1
                rate = learning_rate * learning_rate_decay ** epoch

        return history

    def predict(self, X):
        labels = np.arange(self.num_classes)
        return labels[np.argmax(self.loss(X), axis=1)]
