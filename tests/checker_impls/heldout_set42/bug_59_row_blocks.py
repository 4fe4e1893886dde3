"""Two-layer net that evaluates its batch in fixed-size row blocks.

Each block of rows goes through the whole forward and backward pass, and the loss and
the gradients are accumulated in place, so the (N, H) activations of a large batch never
exist all at once.
"""

import numpy as np

_CHUNK = 64


def _blocks(n, size=_CHUNK):
    """Row slices covering range(n) in blocks of at most ``size`` rows."""
    for start in range(0, n, size):
        yield slice(start, min(start + size, n))


class TwoLayerNet:
    """Parameters in ``self.params``: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward_block(self, Xc):
        p = self.params
        z = Xc @ p["W1"]
        z += p["b1"]
        h = np.maximum(z, 0.0)
        s = h @ p["W2"]
        s += p["b2"]
        return z, h, s

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params["W1"], self.params["W2"]
        X = np.asarray(X, dtype=np.float64)
        N = X.shape[0]
        if y is None:
            scores = np.zeros((N, W2.shape[1]))
            for sl in _blocks(N):
                scores[sl] = self._forward_block(X[sl])[2]
            return scores

        y = np.asarray(y)
        inv_n = 1.0 / N
        dW1 = np.zeros_like(W1)
        db1 = np.zeros(W1.shape[1])
        dW2 = np.zeros_like(W2)
        db2 = np.zeros(W2.shape[1])
        data_sum = 0.0
        for sl in _blocks(N):
            Xc, yc = X[sl], y[sl]
            z, h, s = self._forward_block(Xc)
            r = np.arange(s.shape[0])
            s -= s.max(axis=1, keepdims=True)
            s -= np.log(np.exp(s).sum(axis=1, keepdims=True))  # s now holds log-probabilities
            data_sum -= s[r, yc].sum()
            np.exp(s, out=s)
            s[r, yc] -= 1.0
            s *= inv_n
            dW2 += h.T @ s
            db2 += s.sum(axis=0)
            dh = s @ W2.T
            dh *= z > 0
            dW1 += Xc.T @ dh
            db1 += dh.sum(axis=0)

        loss = data_sum * inv_n + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dW1 += 2.0 * reg * W1
        dW2 += 2.0 * reg * W2
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            lr = learning_rate
            for k in ("W1", "W2"):
                W = self.params[k]
                W -= lr * (grads[k] + 2.0 * reg * W)
            for k in ("b1", "b2"):
                np.subtract(self.params[k], lr * grads[k], out=self.params[k])

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        X = np.asarray(X, dtype=np.float64)
        labels = np.zeros(X.shape[0], dtype=np.intp)
        for sl in _blocks(X.shape[0]):
            labels[sl] = np.argmax(self._forward_block(X[sl])[2], axis=1)
        return labels
