import numpy as np

_KEYS = ("W1", "b1", "W2", "b2")


def _affine(x, w, b):
    return x @ w + b


def _relu(x):
    return np.maximum(x, 0.0)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w1 = std * np.random.randn(input_size, hidden_size)
        w2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=w1, b1=np.zeros(hidden_size), W2=w2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in _KEYS}
        return net

    def _forward(self, X):
        p = self.params
        a = _affine(X, p["W1"], p["b1"])
        h = _relu(a)
        s = _affine(h, p["W2"], p["b2"])
        return a, h, s

    def _softmax_xent(self, s, y):
        n = s.shape[0]
        z = s - s.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -logp[np.arange(n), y].mean(), np.exp(logp)

    def _penalty(self, reg):
        p = self.params
        return reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

    def loss(self, X, y=None, reg=0.0):
        a, h, s = self._forward(X)
        if y is None:
            return s
        data, probs = self._softmax_xent(s, y)
        total = data + self._penalty(reg)
        return total, self._backward(X, y, a, h, probs, reg)

    def _backward(self, X, y, a, h, probs, reg):
        p = self.params
        n = X.shape[0]
        ds = probs.copy()
        ds[np.arange(n), y] -= 1.0
        ds /= n
        g = {}
        g["W2"] = h.T @ ds + 2.0 * reg * p["W2"]
        g["b2"] = ds.sum(axis=0)
        dh = ds @ p["W2"].T
        da = np.where(a > 0, dh, 0.0)
        g["W1"] = X.T @ da + 2.0 * reg * p["W1"]
        g["b1"] = da.sum(axis=0)
        return g

    def _sgd_step(self, grads, lr):
        for k in _KEYS:
            self.params[k] -= lr * grads[k]

    def _accuracy(self, X, y):
        return float(np.mean(self.predict(X) == y))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            idx = np.random.choice(n, batch_size)
            xb, yb = X[idx], y[idx]
            l, g = self.loss(xb, y=yb, reg=reg)
            hist["loss_history"].append(l)
            if it % per_epoch == 0:
                lr *= learning_rate_decay
            self._sgd_step(g, lr)
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {l:f}")
            if it % per_epoch == 0:
                hist["train_acc_history"].append(self._accuracy(xb, yb))
                hist["val_acc_history"].append(self._accuracy(X_val, y_val))
        return hist

    def predict(self, X):
        return self._forward(X)[2].argmax(axis=1)
