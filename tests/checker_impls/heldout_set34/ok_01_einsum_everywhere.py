import numpy as np


class TwoLayerNet:
    """Same net, written with np.einsum for every contraction."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(W1=np.random.randn(input_size, hidden_size) * std)
        self.params["b1"] = np.zeros((hidden_size,))
        self.params["W2"] = np.random.randn(hidden_size, output_size) * std
        self.params["b2"] = np.zeros((output_size,))

    @classmethod
    def from_params(cls, params):
        obj = object.__new__(cls)
        obj.params = {}
        for key in ["W1", "b1", "W2", "b2"]:
            obj.params[key] = np.array(params[key], dtype=np.float64, copy=True)
        return obj

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        a = np.einsum("nd,dh->nh", X, P["W1"]) + P["b1"]
        r = np.where(a > 0, a, 0.0)
        out = np.einsum("nh,hc->nc", r, P["W2"]) + P["b2"]
        if y is None:
            return out
        n = out.shape[0]
        top = out.max(axis=1)[:, None]
        lse = np.log(np.einsum("nc->n", np.exp(out - top)))[:, None] + top
        logp = out - lse
        data = -np.einsum("n->", logp[np.arange(n), y]) / n
        penalty = reg * (np.einsum("ij,ij->", P["W1"], P["W1"]) + np.einsum("ij,ij->", P["W2"], P["W2"]))
        g_out = np.exp(logp)
        g_out[np.arange(n), y] -= 1.0
        g_out = g_out / n
        g = {}
        g["W2"] = np.einsum("nh,nc->hc", r, g_out) + 2.0 * reg * P["W2"]
        g["b2"] = np.einsum("nc->c", g_out)
        g_a = np.einsum("nc,hc->nh", g_out, P["W2"]) * (a > 0)
        g["W1"] = np.einsum("nd,nh->dh", X, g_a) + 2.0 * reg * P["W1"]
        g["b1"] = np.einsum("nh->h", g_a)
        return data + penalty, {k: g[k] for k in ("W1", "b1", "W2", "b2")}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = len(X)
        epoch_len = max(N // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            pick = np.random.choice(N, batch_size)
            xb = X[pick]
            yb = y[pick]
            value, g = self.loss(xb, y=yb, reg=reg)
            out["loss_history"].append(value)
            for key in g:
                self.params[key] -= learning_rate * g[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % epoch_len == 0:
                out["train_acc_history"].append((self.predict(xb) == yb).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate = learning_rate * learning_rate_decay
        return out

    def predict(self, X):
        return self.loss(X).argmax(1)
