"""Two-layer net with an explicit float64 dtype policy and preallocated work arrays.

Matrix products go through ``np.matmul``, minibatches are gathered with
``np.take(..., out=...)`` into buffers allocated once per training run, the SGD step goes
through per-parameter step buffers, and the backward pass reuses the hidden-activation
buffer for its gradient once the activation is no longer needed.
"""

import numpy as np

_DT = np.float64


class TwoLayerNet:
    """Parameters in ``self.params``: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.multiply(std, np.random.randn(input_size, hidden_size), dtype=_DT)
        W2 = np.multiply(std, np.random.randn(hidden_size, output_size), dtype=_DT)
        self.params = {
            "W1": W1,
            "b1": np.zeros(hidden_size, dtype=_DT),
            "W2": W2,
            "b2": np.zeros(output_size, dtype=_DT),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=_DT) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        X = np.asarray(X, dtype=_DT)
        z1 = np.matmul(X, p["W1"])
        np.add(z1, p["b1"], out=z1)
        h1 = np.maximum(z1, 0.0)
        scores = np.matmul(h1, p["W2"])
        np.add(scores, p["b2"], out=scores)
        return X, z1, h1, scores

    def loss(self, X, y=None, reg=0.0):
        X, z1, h1, scores = self._forward(X)
        if y is None:
            return scores

        W1, W2 = self.params["W1"], self.params["W2"]
        N = X.shape[0]
        rows = np.arange(N)
        shifted = scores - scores.max(axis=1, keepdims=True)
        lse = np.log(np.exp(shifted).sum(axis=1))
        data_loss = np.mean(lse - shifted[rows, y])
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        P = np.exp(shifted - lse[:, None])
        P[rows, y] -= 1.0
        P /= N
        dW2 = np.matmul(h1.T, P)
        dW2 += 2.0 * reg * W2
        db2 = P.sum(axis=0)
        dh1 = np.matmul(P, W2.T, out=h1)  # the activations are no longer needed: reuse them
        dh1 *= z1 > 0
        dW1 = np.matmul(X.T, dh1)
        dW1 += 2.0 * reg * W1
        db1 = dh1.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        X = np.asarray(X)
        y = np.asarray(y)
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        params = self.params

        Xb = np.empty((batch_size,) + X.shape[1:], dtype=X.dtype)
        yb = np.empty(batch_size, dtype=y.dtype)
        step = {k: np.zeros_like(v) for k, v in params.items()}
        rate = np.array(learning_rate, dtype=_DT)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            np.take(y, idx, out=yb)
            idx.sort()  # ascending indices: sequential reads from X
            np.take(X, idx, axis=0, out=Xb)

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k in params:
                np.multiply(grads[k], rate, out=step[k])
                np.subtract(params[k], step[k], out=params[k])

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self._forward(X)[3]
        return np.argmax(scores, axis=1)
