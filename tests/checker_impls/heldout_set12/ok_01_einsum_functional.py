import numpy as np

_ORDER = ("W1", "b1", "W2", "b2")


def _forward(p, X):
    pre = np.einsum("nd,dh->nh", X, p["W1"]) + p["b1"]
    act = np.maximum(pre, 0.0)
    out = np.einsum("nh,hc->nc", act, p["W2"]) + p["b2"]
    return pre, act, out


def _xent(out, y):
    n = out.shape[0]
    top = np.max(out, axis=1, keepdims=True)
    lsm = (out - top) - np.log(np.sum(np.exp(out - top), axis=1, keepdims=True))
    rows = np.arange(n)
    d = np.exp(lsm)
    d[rows, y] -= 1
    return -np.mean(lsm[rows, y]), d / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = np.random.randn(input_size, hidden_size)
        second = np.random.randn(hidden_size, output_size)
        self.params = {"W1": std * first, "b1": np.zeros(hidden_size),
                       "W2": std * second, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in _ORDER}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        pre, act, out = _forward(p, X)
        if y is None:
            return out
        data, dout = _xent(out, y)
        penalty = reg * (np.einsum("ij,ij->", p["W1"], p["W1"]) + np.einsum("ij,ij->", p["W2"], p["W2"]))
        dact = np.einsum("nc,hc->nh", dout, p["W2"])
        dpre = dact * (pre > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, dpre) + 2 * reg * p["W1"],
            "b1": np.einsum("nh->h", dpre),
            "W2": np.einsum("nh,nc->hc", act, dout) + 2 * reg * p["W2"],
            "b2": np.einsum("nc->c", dout),
        }
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        total = X.shape[0]
        epoch_len = max(total // batch_size, 1)
        losses, tr, va = [], [], []
        rate = learning_rate
        for step in range(num_iters):
            ids = np.random.randint(0, total, batch_size)
            xb, yb = X[ids], y[ids]
            value, grads = self.loss(xb, yb, reg)
            losses.append(value)
            self.params = {k: self.params[k] - rate * grads[k] for k in _ORDER}
            if verbose and not step % 100:
                print("iteration %d / %d: loss %f" % (step, num_iters, value))
            if not step % epoch_len:
                tr.append(np.mean(self.predict(xb) == yb))
                va.append(np.mean(self.predict(X_val) == y_val))
                rate *= learning_rate_decay
        return dict(loss_history=losses, train_acc_history=tr, val_acc_history=va)

    def predict(self, X):
        out = self.loss(X)
        return out.argmax(axis=1)
