"""A two-layer softmax classifier written with einsum and log-sum-exp."""

import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        layout = [("W1", (input_size, hidden_size)), ("b1", (hidden_size,)),
                  ("W2", (hidden_size, output_size)), ("b2", (output_size,))]
        self.params = {}
        for name, shape in layout:
            if name.startswith("W"):
                self.params[name] = std * np.random.randn(*shape)
            else:
                self.params[name] = np.zeros(shape)

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = {k: np.asarray(params[k], dtype=float).copy() for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        a = np.einsum("nd,dh->nh", X, p["W1"]) + p["b1"]
        h = a * (a > 0)
        s = np.einsum("nh,hc->nc", h, p["W2"]) + p["b2"]
        return a, h, s

    def loss(self, X, y=None, reg=0.0):
        a, h, s = self._forward(X)
        if y is None:
            return s

        n, c = s.shape
        m = s.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(s - m).sum(axis=1, keepdims=True))
        logp = s - lse
        onehot = np.eye(c)[y]
        data_loss = -np.einsum("nc,nc->", onehot, logp) / n

        W1, W2 = self.params["W1"], self.params["W2"]
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        g = (np.exp(logp) - onehot) / n
        dW2 = np.einsum("nh,nc->hc", h, g) + 2 * reg * W2
        db2 = g.sum(axis=0)
        dh = np.einsum("nc,hc->nh", g, W2)
        da = np.where(a > 0, dh, 0.0)
        dW1 = np.einsum("nd,nh->dh", X, da) + 2 * reg * W1
        db1 = da.sum(axis=0)
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            rows = np.random.randint(0, num_train, size=batch_size)
            Xb, yb = X[rows], y[rows]

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            stats["loss_history"].append(loss)
            self.params = {k: v - learning_rate * grads[k] for k, v in self.params.items()}

            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")

            if it % epoch_len == 0:
                stats["train_acc_history"].append(np.count_nonzero(self.predict(X) == y) / len(y))
                stats["val_acc_history"].append(np.count_nonzero(self.predict(X_val) == y_val) / len(y_val))
                learning_rate *= learning_rate_decay

        return stats

    def predict(self, X):
        return self._forward(X)[2].argmax(axis=-1)
