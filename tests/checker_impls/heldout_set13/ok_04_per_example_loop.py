import math

import numpy as np


def batches(num_train, batch_size, count):
    for _ in range(count):
        yield np.random.choice(num_train, batch_size)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = np.random.randn(input_size, hidden_size) * std
        second = np.random.randn(hidden_size, output_size) * std
        self.params = {"W1": first, "b1": np.zeros(hidden_size),
                       "W2": second, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        if y is None:
            return np.maximum(X @ P["W1"] + P["b1"], 0) @ P["W2"] + P["b2"]
        N = X.shape[0]
        G = {k: np.zeros_like(v) for k, v in P.items()}
        total = 0.0
        for x, label in zip(X, y):
            z = x @ P["W1"] + P["b1"]
            h = np.maximum(z, 0)
            s = h @ P["W2"] + P["b2"]
            top = s.max()
            lse = top + math.log(np.exp(s - top).sum())
            total += lse - s[label]
            d = np.exp(s - lse)
            d[label] -= 1.0
            d /= N
            G["W2"] += np.outer(h, d)
            G["b2"] += d
            dz = (P["W2"] @ d) * (z > 0)
            G["W1"] += np.outer(x, dz)
            G["b1"] += dz
        for k in ("W1", "W2"):
            G[k] += 2 * reg * P[k]
        value = total / N + reg * (np.sum(P["W1"] ** 2) + np.sum(P["W2"] ** 2))
        return value, G

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        per_epoch = max(X.shape[0] // batch_size, 1)
        losses, tr, va = [], [], []
        for it, idx in enumerate(batches(X.shape[0], batch_size, num_iters)):
            xb, yb = X[idx], y[idx]
            cost, G = self.loss(xb, y=yb, reg=reg)
            losses.append(cost)
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * G[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, cost))
            if it % per_epoch == 0:
                tr.append(np.mean(self.predict(xb) == yb))
                va.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": losses, "train_acc_history": tr, "val_acc_history": va}

    def predict(self, X):
        scores = self.loss(X)
        best = np.zeros(scores.shape[0], dtype=np.int64)
        for c in range(1, scores.shape[1]):
            better = scores[:, c] > scores[np.arange(len(best)), best]
            best[better] = c
        return best
