import numpy as np


def _log_softmax(s):
    s = s - s.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


class TwoLayerNet:
    """affine - relu - affine - softmax, parameters kept in self.params."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        rng = np.random
        self.params = {}
        self.params["W1"] = rng.randn(input_size, hidden_size) * std
        self.params["b1"] = np.zeros((hidden_size,))
        self.params["W2"] = rng.randn(hidden_size, output_size) * std
        self.params["b2"] = np.zeros((output_size,))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.asarray(params[name], dtype=np.float64).copy()
                      for name in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        P = self.params
        z = X @ P["W1"]
        a = np.where(z > 0, z, 0.0) + P["b1"]
        s = a @ P["W2"] + P["b2"]
        return z, a, s

    def _backward(self, X, z, a, ds, reg):
        P = self.params
        g = {}
        g["W2"] = a.T @ ds + 2 * reg * P["W2"]
        g["b2"] = ds.sum(axis=0)
        da = ds @ P["W2"].T
        dz = np.where(z > 0, da, 0.0)
        g["W1"] = X.T @ dz + 2 * reg * P["W1"]
        g["b1"] = da.sum(axis=0)
        return g

    def loss(self, X, y=None, reg=0.0):
        z, a, scores = self._forward(X)
        if y is None:
            return scores

        n = X.shape[0]
        logp = _log_softmax(scores)
        rows = np.arange(n)
        data_loss = -np.mean(logp[rows, y])
        reg_loss = reg * sum(np.sum(self.params[k] ** 2) for k in ("W1", "W2"))

        ds = np.exp(logp)
        ds[rows, y] -= 1
        ds /= n
        return data_loss + reg_loss, self._backward(X, z, a, ds, reg)

    def _sgd(self, grads, lr):
        for k in self.params:
            self.params[k] = self.params[k] - lr * grads[k]

    def _accuracy(self, X, y):
        return (self.predict(X) == y).mean()

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            self._sgd(grads, learning_rate)

            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")

            if it % iters_per_epoch == 0:
                history["train_acc_history"].append(self._accuracy(X_batch, y_batch))
                history["val_acc_history"].append(self._accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay

        return history

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
