"""Two-layer net whose forward, backward and update kernels are closures built at import time.

The kernels share a module-level scratch pool keyed by (name, shape, dtype), so repeated
calls with the same batch shape allocate nothing for the hidden layer; the class itself is a
thin shell around them.
"""

import numpy as np


def _make_kernels():
    pool = {}

    def scratch(name, shape, dtype=np.float64):
        key = (name, shape, dtype)
        buf = pool.get(key)
        if buf is None:
            buf = pool[key] = np.empty(shape, dtype=dtype)
        return buf

    def forward(X, W1, b1, W2, b2):
        N, H = X.shape[0], W1.shape[1]
        z1 = scratch("z1", (N, H))
        np.dot(X, W1, out=z1)
        z1 += b1
        h1 = scratch("h1", (N, H))
        np.maximum(z1, 0.0, out=h1)
        scores = h1 @ W2
        scores += b2
        return z1, h1, scores

    def backward(X, y, z1, h1, scores, W1, W2, reg):
        N = X.shape[0]
        rows = np.arange(N)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(shifted).sum(axis=1))
        data_loss = np.mean(log_norm - shifted[rows, y])
        reg_loss = reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        dscores = np.exp(shifted - log_norm[:, None])
        dscores[rows, y] -= 1.0
        dscores /= N
        dW2 = h1.T @ dscores
        dW2 += 2.0 * reg * W2
        db2 = dscores.sum(axis=0)
        dh1 = dscores @ W2.T
        np.multiply(dh1, z1 > 0, out=dh1)
        dW1 = X.T @ dh1
        dW1 += 2.0 * reg * W1
        db1 = dh1.sum(axis=0)
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def sgd(params, grads, rate):
        for k, g in grads.items():
            params[k] -= rate * g

    return forward, backward, sgd


_forward, _backward, _sgd = _make_kernels()


class TwoLayerNet:
    """Parameters in ``self.params``: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        X = np.asarray(X, dtype=np.float64)
        z1, h1, scores = _forward(X, p["W1"], p["b1"], p["W2"], p["b2"])
        if y is None:
            return scores
        return _backward(X, np.asarray(y), z1, h1, scores, p["W1"], p["W2"], reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        rate, decay = learning_rate, learning_rate_decay

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            _sgd(self.params, grads, rate)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                rate *= decay

        return history

    def predict(self, X):
        p = self.params
        hidden = np.asarray(X, dtype=np.float64) @ p["W1"]
        hidden += p["b1"]
        np.maximum(hidden, 0.0, out=hidden)
        return np.argmax(hidden @ p["W2"] + p["b2"], axis=1)
