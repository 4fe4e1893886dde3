"""Two-layer net written around ``np.einsum`` contractions and a few module-level helpers.

Every contraction names its axes, so no transposed temporaries are materialised and the
same helpers serve the loss, the backward pass and prediction.
"""

import numpy as np

_KEYS = ("W1", "b1", "W2", "b2")


def _scaled_normal(shape, std):
    """std * N(0, 1) of the given shape, scaled in place."""
    out = np.random.randn(*shape)
    out *= std
    return out


def _dense(x, w, b):
    """x @ w + b as one einsum plus an in-place bias add."""
    out = np.einsum("nd,dk->nk", x, w)
    out += b
    return out


def _dense_relu(x, w, b):
    """(pre-activation, ReLU activation) of an affine layer."""
    z = _dense(x, w, b)
    return z, np.maximum(z, 0.0)


def _log_softmax(s):
    """Row-wise log-softmax, computed in one new array."""
    out = s - s.max(axis=1, keepdims=True)
    out -= np.log(np.exp(out).sum(axis=1, keepdims=True))
    return out


class TwoLayerNet:
    """Parameters in ``self.params``: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = _scaled_normal((input_size, hidden_size), std)
        W2 = _scaled_normal((hidden_size, output_size), std)
        self.params = {
            "W1": W1,
            "b1": np.zeros(hidden_size),
            "W2": W2,
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in _KEYS}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in _KEYS)
        X = np.asarray(X, dtype=np.float64)
        z1, h1 = _dense_relu(X, W1, b1)
        scores = _dense(h1, W2, b2)
        if y is None:
            return scores

        N = X.shape[0]
        rows = np.arange(N)
        log_probs = _log_softmax(scores)
        data_loss = -log_probs[rows, y].mean()
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))
        loss = data_loss + reg_loss

        dscores = np.exp(log_probs, out=log_probs)  # softmax, overwriting the log-probs
        dscores[rows, y] -= 1.0
        dscores /= N

        two_reg = 2.0 * reg
        dW2 = np.einsum("nh,nc->hc", h1, dscores)
        dW2 += two_reg * W2
        db2 = np.einsum("nc->c", dscores)
        dz1 = np.einsum("nc,hc->nh", dscores, W2)
        dz1[z1 <= 0] = 0.0
        dW1 = np.einsum("nd,nh->dh", X, dz1)
        dW1 += two_reg * W1
        db1 = np.einsum("nh->h", dz1)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y_batch, reg)
            loss_history.append(loss)
            for key in _KEYS:
                param = self.params[key]
                np.subtract(param, learning_rate * grads[key], out=param)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                val_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                train_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return dict(loss_history=loss_history,
                    train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        p = self.params
        _, h1 = _dense_relu(np.asarray(X, dtype=np.float64), p["W1"], p["b1"])
        return np.argmax(_dense(h1, p["W2"], p["b2"]), axis=1)
