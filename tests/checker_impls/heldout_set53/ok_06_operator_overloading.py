"""Two-layer net with operator overloading: parameters and gradients are
``ParamDict``s, so the SGD step reads ``self.params -= grads * rate``."""
import operator

import numpy as np


class ParamDict(dict):
    """A dict of arrays with element-wise arithmetic against a scalar or another dict."""

    def _combine(self, other, op):
        if isinstance(other, dict):
            return ParamDict((k, op(v, other.get(k, 0.0))) for k, v in self.items())
        return ParamDict((k, op(v, other)) for k, v in self.items())

    def __add__(self, other):
        return self._combine(other, operator.add)

    def __mul__(self, other):
        return self._combine(other, operator.mul)

    __radd__ = __add__
    __rmul__ = __mul__

    def __isub__(self, other):
        for k in self:
            self[k] -= other[k]
        return self


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> softmax; parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = ParamDict(
            W1=std * np.random.randn(input_size, hidden_size),
            b1=np.zeros(hidden_size),
            W2=std * np.random.randn(hidden_size, output_size),
            b2=np.zeros(output_size),
        )

    @property
    def params(self):
        return self._params

    @params.setter
    def params(self, value):
        self._params = value if isinstance(value, ParamDict) else ParamDict(value)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = operator.itemgetter("W1", "b1", "W2", "b2")(self.params)
        z1 = X @ W1 + b1
        h1 = z1 * (z1 > 0)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        n = X.shape[0]
        rows = np.arange(n)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -np.mean(log_probs[rows, y])
        reg_loss = reg * operator.add(np.sum(W1 * W1), np.sum(W2 * W2))

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        dscores /= n
        dz1 = (dscores @ W2.T) * (z1 > 0)
        grads = ParamDict(
            W1=operator.add(X.T @ dz1, 2 * reg * W1),
            b1=dz1.sum(axis=0),
            W2=operator.add(h1.T @ dscores, 2 * reg * W2),
            b2=dscores.sum(axis=0),
        )
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        accuracy = lambda Xs, ys: sum(map(operator.eq, self.predict(Xs), ys)) / len(Xs)

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            self.params -= grads * learning_rate

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(X_batch, y_batch))
                val_acc_history.append(accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
