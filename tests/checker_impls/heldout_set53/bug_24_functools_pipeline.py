"""Two-layer net written with functools and operator: partial application,
reduce for the forward fold and lru_cache for index arrays."""
import functools
import operator

import numpy as np

relu = functools.partial(np.maximum, 0.0)


def identity(z):
    return z


@functools.lru_cache(maxsize=32)
def row_index(n):
    """``np.arange(n)``, built once per batch size and frozen so the cached copy stays intact."""
    rows = np.arange(n)
    rows.setflags(write=False)
    return rows


def affine(x, W, b):
    return operator.add(operator.matmul(x, W), b)


def forward(X, layers):
    """Fold X through ``layers`` = [(W, b, activation), ...]; returns [X, h1, ..., scores]."""
    def fold(outputs, layer):
        W, b, activation = layer
        return outputs + [activation(affine(outputs[-1], W, b))]
    return functools.reduce(fold, layers, [X])


def sgd_step(param, grad, *, lr):
    operator.isub(param, lr * grad)


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> softmax; parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = functools.partial(np.random.normal, 0.0, std)
        self.params = {}
        self.params["W1"] = draw(size=(input_size, hidden_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = draw(size=(hidden_size, output_size))
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    @functools.lru_cache(maxsize=None)
    def _penalty(self, reg):
        W1, W2 = self.params["W1"], self.params["W2"]
        return reg * functools.reduce(operator.add, (np.sum(W * W) for W in (W1, W2)))

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = operator.itemgetter("W1", "b1", "W2", "b2")(self.params)
        _, h1, scores = forward(X, [(W1, b1, relu), (W2, b2, identity)])
        if y is None:
            return scores

        n = X.shape[0]
        rows = row_index(n)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -functools.reduce(operator.add, log_probs[rows, y]) / n
        reg_loss = self._penalty(reg)

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        dscores /= n
        dz1 = operator.mul(dscores @ W2.T, h1 > 0)
        grads = {
            "W1": X.T @ dz1 + 2 * reg * W1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T @ dscores + 2 * reg * W2,
            "b2": dscores.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        sample = functools.partial(np.random.choice, num_train, batch_size)
        step = functools.partial(sgd_step, lr=learning_rate)
        history = {key: [] for key in ("loss_history", "train_acc_history", "val_acc_history")}
        record = lambda key, Xs, ys: history[key].append(np.mean(self.predict(Xs) == ys))

        for it in range(num_iters):
            idx = sample()
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            for name in self.params:
                step(self.params[name], grads[name])

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                record("train_acc_history", X_batch, y_batch)
                record("val_acc_history", X_val, y_val)
                learning_rate *= learning_rate_decay
                step = functools.partial(sgd_step, lr=learning_rate)

        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
