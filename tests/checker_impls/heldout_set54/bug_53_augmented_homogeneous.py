"""Two-layer net in homogeneous coordinates.

Each layer's bias is stacked under its weight matrix as one extra row and the
layer's input gets a trailing column of ones, so each affine map is a single
matrix product.  The gradient of a stacked matrix is split back into the
weight and bias gradients.
"""
import numpy as np


def _augment(A):
    """Append a column of ones (homogeneous coordinates)."""
    return np.hstack([A, np.ones((A.shape[0], 1))])


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        self.params = {}
        self.params["W1"] = std * np.random.randn(D, H)
        self.params["b1"] = np.zeros(H)
        self.params["W2"] = std * np.random.randn(H, C)
        self.params["b2"] = np.zeros(C)

    def _theta(self):
        """The stacked matrices [W1; b1] (D+1, H) and [W2; b2] (H+1, C)."""
        p = self.params
        return np.vstack([p["W1"], p["b1"]]), np.vstack([p["W2"], p["b2"]])

    def loss(self, X, y=None, reg=0.0):
        T1, T2 = self._theta()
        Xa = _augment(X)
        A = Xa @ T1
        Ha = _augment(np.maximum(A, 0.0))
        S = Ha @ T2
        if y is None:
            return S

        N = S.shape[0]
        W1, W2 = self.params["W1"], self.params["W2"]
        S0 = S - S.max(axis=1, keepdims=True)
        logZ = np.log(np.exp(S0).sum(axis=1))
        loglik = S0[np.arange(N), y] - logZ
        data = -loglik.sum() / N
        penalty = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        E = np.exp(S0 - logZ[:, None])                # posterior
        E[np.arange(N), y] -= 1.0                     # minus the one-hot target
        E /= N
        G2 = Ha.T @ E                                 # gradient of [W2; b2]
        G_h = (E @ T2[:-1].T) * (A > 0)
        G1 = Xa.T @ G_h                               # gradient of [W1; b1]
        grads = {
            "W1": G1[:-1] + 2 * reg * W1,
            "b1": G1[-1],
            "W2": G2[:-1] + 2 * reg * W2,
            "b2": G2[-1],
        }
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        iters_per_sweep = max(n // batch_size, 1)
        rate = learning_rate
        loss_hist, tr_hist, va_hist = [], [], []

        for it in range(num_iters):
            rows = np.random.choice(n, batch_size)
            xb, yb = X[rows], y[rows]
            val, g = self.loss(xb, y=yb, reg=reg)
            loss_hist.append(val)
            for name in self.params:
                self.params[name] -= rate * g[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, val))
            tr_hist.append((self.predict(xb) == yb).mean())
            va_hist.append((self.predict(X_val) == y_val).mean())
            if it % iters_per_sweep == 0:
                rate *= learning_rate_decay

        return {"loss_history": loss_hist, "train_acc_history": tr_hist,
                "val_acc_history": va_hist}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
