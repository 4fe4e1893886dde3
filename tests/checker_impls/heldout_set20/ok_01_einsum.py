import numpy as np


class TwoLayerNet:
    """affine -> relu -> affine -> softmax, written with einsum contractions."""

    _ORDER = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        drawn = {}
        for name, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            drawn[name] = std * np.random.randn(*shape)
        drawn["b1"] = np.zeros(hidden_size)
        drawn["b2"] = np.zeros(output_size)
        self.params = {k: drawn[k] for k in self._ORDER}

    @classmethod
    def from_params(cls, params):
        inst = object.__new__(cls)
        inst.params = {k: np.array(params[k], dtype=np.float64) for k in cls._ORDER}
        return inst

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in self._ORDER)
        pre = np.einsum("nd,dh->nh", X, W1) + b1
        act = np.where(pre > 0, pre, 0.0)
        scores = np.einsum("nh,hc->nc", act, W2) + b2
        if y is None:
            return scores

        n = len(X)
        top = scores.max(axis=1)
        lse = top + np.log(np.einsum("nc->n", np.exp(scores - top[:, None])))
        picked = scores[np.arange(n), y]
        loss = np.mean(lse - picked)
        loss = loss + reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        d = np.exp(scores - lse[:, None])
        d[np.arange(n), y] -= 1.0
        d = d / n
        dact = np.einsum("nc,hc->nh", d, W2)
        dpre = dact * (pre > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, dpre) + 2 * reg * W1,
            "b1": np.einsum("nh->h", dpre),
            "W2": np.einsum("nh,nc->hc", act, d) + 2 * reg * W2,
            "b2": np.einsum("nc->c", d),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        def batches():
            for _ in range(num_iters):
                pick = np.random.choice(n, batch_size)
                yield X[pick], y[pick]

        for it, (xb, yb) in enumerate(batches()):
            value, grads = self.loss(xb, y=yb, reg=reg)
            out["loss_history"].append(value)
            for k in self._ORDER:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % per_epoch == 0:
                out["train_acc_history"].append((self.predict(xb) == yb).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
