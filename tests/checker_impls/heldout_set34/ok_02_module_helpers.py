import numpy as np


def _affine(x, w, b):
    return x @ w + b


def _relu(x):
    return x * (x > 0)


def _log_softmax(s):
    s = s - s.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w1 = np.random.normal(0.0, std, size=(input_size, hidden_size))
        w2 = np.random.normal(0.0, std, size=(hidden_size, output_size))
        self.params = {"W1": w1, "b1": np.zeros(hidden_size),
                       "W2": w2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        self = cls.__new__(cls)
        self.params = {k: np.asarray(params[k], dtype=np.float64).copy() for k in ("W1", "b1", "W2", "b2")}
        return self

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        pre = _affine(X, p["W1"], p["b1"])
        hid = _relu(pre)
        sc = _affine(hid, p["W2"], p["b2"])
        if y is None:
            return sc
        n = len(y)
        lp = _log_softmax(sc)
        picked = np.take_along_axis(lp, y[:, None], axis=1)
        total = -picked.sum() / n + reg * sum(np.vdot(p[w], p[w]) for w in ("W1", "W2"))
        onehot = np.zeros_like(sc)
        onehot[np.arange(n), y] = 1.0
        d = (np.exp(lp) - onehot) / n
        dhid = d @ p["W2"].T
        dpre = dhid * (pre > 0)
        grads = {
            "W1": X.T @ dpre + 2 * reg * p["W1"],
            "b1": dpre.sum(0),
            "W2": hid.T @ d + 2 * reg * p["W2"],
            "b2": d.sum(0),
        }
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        ipe = max(num_train // batch_size, 1)
        losses, tr, va = [], [], []
        it = 0
        while it < num_iters:
            ids = np.random.choice(num_train, batch_size)
            l, g = self.loss(X[ids], y=y[ids], reg=reg)
            losses.append(l)
            for k in ("W1", "b1", "W2", "b2"):
                self.params[k] -= learning_rate * g[k]
            if verbose and not it % 100:
                print("iteration %d / %d: loss %f" % (it, num_iters, l))
            if not it % ipe:
                tr.append(np.mean(self.predict(X[ids]) == y[ids]))
                va.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
            it += 1
        return dict(loss_history=losses, train_acc_history=tr, val_acc_history=va)

    def predict(self, X):
        s = self.loss(X)
        return np.argmax(s, axis=-1)
