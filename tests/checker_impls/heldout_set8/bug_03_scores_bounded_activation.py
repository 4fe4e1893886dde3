import numpy as np

ACT_CAP = 6.0


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @staticmethod
    def _act(z):
        return np.clip(z, 0.0, ACT_CAP)

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z = X @ p["W1"] + p["b1"]
        h = self._act(z)
        s = h @ p["W2"] + p["b2"]
        if y is None:
            return s

        n = len(s)
        rows = np.arange(n)
        t = s - s.max(axis=1, keepdims=True)
        lse = np.log(np.exp(t).sum(axis=1, keepdims=True))
        prob = np.exp(t - lse)
        data = np.mean(lse[:, 0] - t[rows, y])
        l2 = np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2)

        ds = prob.copy()
        ds[rows, y] -= 1.0
        ds /= n
        dh = ds @ p["W2"].T
        dz = dh * (z > 0)
        grads = {
            "W1": X.T @ dz + 2 * reg * p["W1"],
            "b1": dz.sum(0),
            "W2": h.T @ ds + 2 * reg * p["W2"],
            "b2": ds.sum(0),
        }
        return data + reg * l2, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(n_train, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            stats["loss_history"].append(loss)
            for k, g in grads.items():
                self.params[k] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                stats["train_acc_history"].append((self.predict(xb) == yb).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
