import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size),
                       "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        z = X @ p["W1"] + p["b1"]
        h = np.maximum(z, 0.0)
        return z, h, h @ p["W2"] + p["b2"]

    def loss(self, X, y=None, reg=0.0):
        z, h, s = self._forward(X)
        if y is None:
            return s
        p = self.params
        n = len(y)
        s = s - s.max(axis=1)[:, None]
        log_norm = np.log(np.exp(s).sum(axis=1))
        picked = s[np.arange(n), y] - log_norm
        total = -picked.mean() + reg * ((p["W1"] ** 2).sum() + (p["W2"] ** 2).sum())

        ds = np.exp(s - log_norm[:, None])
        ds[np.arange(n), y] -= 1
        ds /= n
        dh = ds @ p["W2"].T
        dz = dh * (z > 0)
        grads = {
            "W2": h.T @ ds + 2 * reg * p["W2"],
            "b2": ds.sum(axis=0),
            "W1": X.T @ dz + 2 * reg * p["W1"],
            "b1": dz.sum(axis=0),
        }
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            ids = np.random.choice(num_train, batch_size)
            Xb, yb = X[ids], y[ids]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            stats["loss_history"].append(loss)

            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))

            learning_rate *= learning_rate_decay

        return stats

    def predict(self, X):
        return self._forward(X)[2].argmax(axis=1)
