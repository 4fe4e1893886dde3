import numpy as np


class TwoLayerNet:
    """Two-layer ReLU net written with einsum contractions."""

    _KEYS = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {"W1": (input_size, hidden_size), "W2": (hidden_size, output_size)}
        self.params = {}
        for key in self._KEYS:
            if key.startswith("W"):
                self.params[key] = std * np.random.randn(*shapes[key])
            else:
                width = hidden_size if key == "b1" else output_size
                self.params[key] = np.zeros(width)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in cls._KEYS}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in self._KEYS)
        pre = np.einsum("nd,dh->nh", X, W1) + b1
        act = np.where(pre > 0, pre, 0.0)
        scores = np.einsum("nh,hc->nc", act, W2) + b2
        if y is None:
            return scores

        N = scores.shape[0]
        top = scores.max(axis=1, keepdims=True)
        lse = top[:, 0] + np.log(np.einsum("nc->n", np.exp(scores - top)))
        picked = np.take_along_axis(scores, y[:, None], axis=1)[:, 0]
        loss = np.mean(lse - picked) + reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        delta = np.exp(scores - lse[:, None])
        delta[np.arange(N), y] -= 1.0
        delta *= 1.0 / N
        grads = {
            "W2": np.einsum("nh,nc->hc", act, delta) + 2 * reg * W2,
            "b2": np.einsum("nc->c", delta),
        }
        back = np.einsum("nc,hc->nh", delta, W2) * (pre > 0)
        grads["W1"] = np.einsum("nd,nh->dh", X, back) + 2 * reg * W1
        grads["b1"] = np.einsum("nh->h", back)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = len(X)
        epoch = max(n // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for step in range(num_iters):
            sel = np.random.choice(n, batch_size)
            loss, grads = self.loss(X[sel], y=y[sel], reg=reg)
            out["loss_history"].append(loss)
            for key in self._KEYS:
                self.params[key] -= learning_rate * grads[key]
            if verbose and not step % 100:
                print("iteration %d / %d: loss %f" % (step, num_iters, loss))
            if not step % epoch:
                out["train_acc_history"].append(np.mean(self.predict(X[sel]) == y[sel]))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
