import numpy as np


class TwoLayerNet:
    """Two-layer net written with einsum and a precomputed sampling schedule."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.normal(0.0, std, (input_size, hidden_size))
        W2 = np.random.normal(0.0, std, (hidden_size, output_size))
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        obj = object.__new__(cls)
        obj.params = {}
        for key in ("W1", "b1", "W2", "b2"):
            obj.params[key] = np.asarray(params[key], dtype=np.float64).copy()
        return obj

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        pre = np.einsum("nd,dh->nh", X, p["W1"]) + p["b1"]
        act = np.clip(pre, 0.0, None)
        out = np.einsum("nh,hc->nc", act, p["W2"]) + p["b2"]
        if y is None:
            return out

        n, c = out.shape
        logp = out - np.logaddexp.reduce(out, axis=1, keepdims=True)
        onehot = np.eye(c)[y]
        total = -np.einsum("nc,nc->", onehot, logp) / n
        total += reg * (np.einsum("ij,ij->", p["W1"], p["W1"]) + np.einsum("ij,ij->", p["W2"], p["W2"]))

        g_out = (np.exp(logp) - onehot) / n
        g_act = np.einsum("nc,hc->nh", g_out, p["W2"])
        g_pre = np.where(pre > 0, g_act, 0.0)
        grads = {
            "W2": np.einsum("nh,nc->hc", act, g_out) + 2.0 * reg * p["W2"],
            "b2": np.einsum("nc->c", g_out),
            "W1": np.einsum("nd,nh->dh", X, g_pre) + 2.0 * reg * p["W1"],
            "b1": np.einsum("nh->h", g_pre),
        }
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        # one call draws the same stream as num_iters successive calls
        schedule = np.random.choice(num_train, (num_iters, batch_size))
        decays = 0
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it, rows in enumerate(schedule):
            xb, yb = X[rows], y[rows]
            value, grads = self.loss(xb, y=yb, reg=reg)
            hist["loss_history"].append(value)
            rate = learning_rate * learning_rate_decay ** decays
            for key, g in grads.items():
                self.params[key] -= rate * g
            if verbose and not it % 100:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if not it % per_epoch:
                hist["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                hist["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                decays += 1
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
