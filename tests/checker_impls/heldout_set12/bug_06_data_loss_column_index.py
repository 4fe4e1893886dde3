import numpy as np


def _affine(x, w, b):
    return x @ w + b


def _relu(x):
    return np.maximum(x, 0.0)


def _log_softmax(s):
    z = s - s.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = {name: np.asarray(params[name], dtype=float).copy() for name in ("W1", "b1", "W2", "b2")}
        return obj

    def _forward(self, X):
        p = self.params
        a = _affine(X, p["W1"], p["b1"])
        h = _relu(a)
        return a, h, _affine(h, p["W2"], p["b2"])

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a, h, s = self._forward(X)
        if y is None:
            return s
        n = len(y)
        lp = _log_softmax(s)
        data = -np.mean(lp[:, y])
        penalty = reg * sum(np.sum(p[k] ** 2) for k in ("W1", "W2"))

        g = np.exp(lp)
        g[np.arange(n), y] -= 1.0
        g = g / n
        dh = g @ p["W2"].T
        da = np.where(a > 0, dh, 0.0)
        grads = {
            "W2": h.T @ g + 2.0 * reg * p["W2"],
            "b2": g.sum(axis=0),
            "W1": X.T @ da + 2.0 * reg * p["W1"],
            "b1": da.sum(axis=0),
        }
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            batch = np.random.choice(n, batch_size)
            xb, yb = X[batch], y[batch]
            cost, grads = self.loss(xb, y=yb, reg=reg)
            hist["loss_history"].append(cost)
            for k, dv in grads.items():
                self.params[k] = self.params[k] - lr * dv
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {cost:f}")
            if it % per_epoch == 0:
                hist["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                hist["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                lr = lr * learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
