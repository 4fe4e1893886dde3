"""Two-layer net using functools.cached_property for facts that only depend on
the layer sizes, a one-hot cross-entropy, and small helper methods for SGD."""
from functools import cached_property

import numpy as np


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> softmax; parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in self._layout(input_size, hidden_size, output_size):
            self.params[name] = std * np.random.randn(*shape) if name[0] == "W" else np.zeros(shape)

    @staticmethod
    def _layout(D, H, C):
        return (("W1", (D, H)), ("b1", (H,)), ("W2", (H, C)), ("b2", (C,)))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    @cached_property
    def num_classes(self):
        return self.params["W2"].shape[1]

    @cached_property
    def eye(self):
        """Rows of the identity, used to one-hot encode labels."""
        return np.eye(self.num_classes)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        z1 = X @ W1 + b1
        h1 = np.maximum(z1, 0)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        n = X.shape[0]
        onehot = self.eye[y]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_norm = np.log1p(np.exp(shifted).sum(axis=1, keepdims=True) - 1.0)
        log_probs = shifted - log_norm
        data_loss = -np.sum(onehot * log_probs) / n
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = (np.exp(log_probs) - onehot) / n
        dz1 = (dscores @ W2.T) * (z1 > 0)
        grads = {
            "W1": X.T @ dz1 + 2 * reg * W1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T @ dscores + 2 * reg * W2,
            "b2": dscores.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def _sgd_step(self, grads, lr=1e-3):
        updates = [lambda: self.params[name].__isub__(lr * grads[name]) for name in grads]
        for update in updates:
            update()

    def _accuracy(self, X, y):
        return (self.predict(X) == y).mean()

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        rate = learning_rate
        history = dict(loss_history=[], train_acc_history=[], val_acc_history=[])

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            self._sgd_step(grads, lr=rate)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(self._accuracy(X_batch, y_batch))
                history["val_acc_history"].append(self._accuracy(X_val, y_val))
                rate *= learning_rate_decay

        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
