import numpy as np


class TwoLayerNet:
    """Affine - ReLU - affine - softmax classifier; parameters live in self.params."""

    param_names = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {"W1": (input_size, hidden_size), "W2": (hidden_size, output_size)}
        self.params = {}
        for name in ("W1", "W2"):
            self.params[name] = std * np.random.randn(*shapes[name])
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = {k: np.copy(np.asarray(params[k], dtype=np.float64)) for k in cls.param_names}
        return net

    # ------------------------------------------------------------------ pieces
    def _forward(self, X):
        p = self.params
        z = np.dot(X, p["W1"]) + p["b1"]
        h = np.maximum(0, z)
        s = np.dot(h, p["W2"]) + p["b2"]
        return s, (X, z, h)

    def _softmax_xent(self, s, y):
        m = s.shape[0]
        s = s - s.max(axis=1)[:, None]
        lse = np.log(np.exp(s).sum(axis=1))[:, None]
        logp = s - lse
        loss = -np.mean(logp[np.arange(m), y])
        ds = np.exp(logp)
        ds[np.arange(m), y] -= 1.0
        return loss, ds / m

    def _l2(self, reg):
        return reg * sum(np.sum(self.params[k] ** 2) for k in ("W1", "W2"))

    def _backward(self, ds, cache, reg):
        X, z, h = cache
        p = self.params
        g = {}
        g["W2"] = np.dot(h.T, ds) + 2.0 * reg * p["W2"]
        g["b2"] = ds.sum(axis=0)
        dh = np.dot(ds, p["W2"].T)
        dz = np.where(z > 0, dh, 0.0)
        g["W1"] = np.dot(X.T, dz) + 2.0 * reg * p["W1"]
        g["b1"] = dz.sum(axis=0)
        return g

    # --------------------------------------------------------------------- API
    def loss(self, X, y=None, reg=0.0):
        s, cache = self._forward(X)
        if y is None:
            return s
        data, ds = self._softmax_xent(s, y)
        return data + self._l2(reg), self._backward(ds, cache, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate

        for it in range(num_iters):
            rows = np.random.choice(n, batch_size)
            xb, yb = X[rows], y[rows]
            cur_loss, g = self.loss(xb, y=yb, reg=reg)
            out["loss_history"].append(cur_loss)
            for k, v in self.params.items():
                v = v - lr * g[k]
            if verbose and it % 100 == 0:
                print("iteration {} / {}: loss {:f}".format(it, num_iters, cur_loss))
            if it % ipe == 0:
                out["train_acc_history"].append(self._accuracy(xb, yb))
                out["val_acc_history"].append(self._accuracy(X_val, y_val))
                lr *= learning_rate_decay
        return out

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
