import numpy as np

ACT_MAX = 6.0


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size),
                       "W2": W2, "b2": np.zeros(output_size)}

    @staticmethod
    def _act(z):
        return np.clip(z, 0.0, ACT_MAX)

    @staticmethod
    def _act_grad(z):
        return ((z > 0.0) & (z < ACT_MAX)).astype(z.dtype)

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        z = np.einsum("nd,dh->nh", X, P["W1"]) + P["b1"]
        a = self._act(z)
        s = np.einsum("nh,hc->nc", a, P["W2"]) + P["b2"]
        if y is None:
            return s

        n = s.shape[0]
        s_shift = s - np.max(s, axis=1, keepdims=True)
        lse = np.log(np.einsum("nc->n", np.exp(s_shift)))
        logp = s_shift - lse[:, None]
        rows = np.arange(n)
        data = -np.mean(logp[rows, y])
        penalty = reg * (np.einsum("ij,ij->", P["W1"], P["W1"]) +
                         np.einsum("ij,ij->", P["W2"], P["W2"]))

        ds = np.exp(logp)
        ds[rows, y] -= 1.0
        ds /= n
        dW2 = np.einsum("nh,nc->hc", a, ds) + 2.0 * reg * P["W2"]
        db2 = np.einsum("nc->c", ds)
        dz = np.einsum("nc,hc->nh", ds, P["W2"]) * self._act_grad(z)
        dW1 = np.einsum("nd,nh->dh", X, dz) + 2.0 * reg * P["W1"]
        db1 = np.einsum("nh->h", dz)
        return data + penalty, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            sel = np.random.choice(n_train, batch_size)
            xb, yb = X[sel], y[sel]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            hist["loss_history"].append(loss)
            for key in ("W1", "b1", "W2", "b2"):
                self.params[key] -= lr * grads[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                hist["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                hist["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
