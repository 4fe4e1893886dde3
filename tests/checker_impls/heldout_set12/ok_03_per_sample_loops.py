import math

import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w1 = np.random.randn(input_size, hidden_size) * std
        w2 = np.random.randn(hidden_size, output_size) * std
        self.params = {"W1": w1, "b1": np.zeros(hidden_size), "W2": w2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _one(self, x):
        P = self.params
        a = x @ P["W1"] + P["b1"]
        h = np.maximum(a, 0)
        return a, h, h @ P["W2"] + P["b2"]

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        rows = [self._one(X[i]) for i in range(X.shape[0])]
        if y is None:
            return np.array([r[2] for r in rows]).reshape(X.shape[0], P["b2"].shape[0])
        n = len(rows)
        g = {k: np.zeros_like(v) for k, v in P.items()}
        nll = []
        for i, (a, h, s) in enumerate(rows):
            shifted = s - s.max()
            logz = math.log(np.exp(shifted).sum())
            nll.append(-(shifted[y[i]] - logz))
            d = np.exp(shifted - logz)
            d[y[i]] -= 1.0
            d = d / n
            g["W2"] += np.outer(h, d)
            g["b2"] += d
            da = (P["W2"] @ d) * (a > 0)
            g["W1"] += np.outer(X[i], da)
            g["b1"] += da
        total = float(np.mean(nll)) + reg * float(np.sum(P["W1"] ** 2) + np.sum(P["W2"] ** 2))
        g["W1"] += 2 * reg * P["W1"]
        g["W2"] += 2 * reg * P["W2"]
        return total, g

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        per = max(N // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            pick = np.random.choice(N, batch_size)
            xb, yb = X[pick], y[pick]
            value, g = self.loss(xb, yb, reg=reg)
            out["loss_history"].append(value)
            for k in list(self.params):
                self.params[k] = self.params[k] - learning_rate * g[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % per == 0:
                out["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay
        return out

    def predict(self, X):
        scores = self.loss(X)
        labels = np.zeros(scores.shape[0], dtype=np.int64)
        for i, row in enumerate(scores):
            best = 0
            for c in range(1, row.shape[0]):
                if row[best] != row[best]:
                    break
                if row[c] > row[best] or row[c] != row[c]:
                    best = c
            labels[i] = best
        return labels
