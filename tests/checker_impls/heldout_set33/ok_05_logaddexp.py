import numpy as np


class TwoLayerNet:
    """Uses logaddexp for the log-partition and an explicit one-hot target."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        p = {}
        p["W1"] = np.random.normal(0.0, 1.0, (input_size, hidden_size)) * std
        p["W2"] = np.random.normal(0.0, 1.0, (hidden_size, output_size)) * std
        p["b1"] = np.zeros(hidden_size)
        p["b2"] = np.zeros(output_size)
        self.params = p

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = np.matmul(X, p["W1"]) + p["b1"]
        a1 = np.clip(z1, 0.0, None)
        s = np.matmul(a1, p["W2"]) + p["b2"]
        if y is None:
            return s
        n = s.shape[0]
        log_z = np.logaddexp.reduce(s, axis=1)
        T = np.zeros_like(s)
        T[np.arange(n), y] = 1.0
        data = np.sum(log_z - np.sum(T * s, axis=1)) / n
        penalty = reg * sum(float(np.sum(p[k] * p[k])) for k in ("W1", "W2"))

        ds = (np.exp(s - log_z[:, None]) - T) / n
        g = {"b2": ds.sum(axis=0), "W2": a1.T @ ds + 2 * reg * p["W2"]}
        dz1 = (ds @ p["W2"].T) * np.heaviside(z1, 0.0)
        g["b1"] = dz1.sum(axis=0)
        g["W1"] = X.T @ dz1 + 2 * reg * p["W1"]
        return data + penalty, g

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            b = np.random.choice(num_train, batch_size)
            L, g = self.loss(X[b], y[b], reg=reg)
            hist["loss_history"].append(L)
            for k in ("W1", "W2", "b1", "b2"):
                self.params[k] -= learning_rate * g[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, L))
            epoch, offset = divmod(it, per_epoch)
            if offset == 0:
                hist["train_acc_history"].append(float(np.mean(self.predict(X[b]) == y[b])))
                hist["val_acc_history"].append(float(np.mean(self.predict(X_val) == y_val)))
                learning_rate *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
