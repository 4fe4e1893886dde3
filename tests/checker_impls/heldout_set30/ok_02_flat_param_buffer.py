import numpy as np


class TwoLayerNet:
    """Two-layer net whose params are views into one contiguous vector."""

    _NAMES = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self._adopt({"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)})

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net._adopt({k: np.array(params[k], dtype=np.float64) for k in cls._NAMES})
        return net

    def _adopt(self, arrays):
        sizes = [arrays[k].size for k in self._NAMES]
        self._flat = np.empty(sum(sizes))
        self.params = {}
        start = 0
        for k, size in zip(self._NAMES, sizes):
            view = self._flat[start:start + size].reshape(arrays[k].shape)
            view[...] = arrays[k]
            self.params[k] = view
            start += size

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in self._NAMES)
        z1 = X @ W1 + b1
        h1 = np.clip(z1, 0.0, None)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        N = len(y)
        s = scores - scores.max(axis=1)[:, None]
        log_p = s - np.log(np.exp(s).sum(axis=1))[:, None]
        rows = np.arange(N)
        loss = -log_p[rows, y].mean() + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        g = np.exp(log_p)
        g[rows, y] -= 1.0
        g /= N
        dz1 = (g @ W2.T) * (z1 > 0)
        grads = {
            "W1": X.T @ dz1 + 2 * reg * W1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T @ g + 2 * reg * W2,
            "b2": g.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            # one fused step over the whole parameter vector; the dict views see it
            self._flat -= learning_rate * np.concatenate([grads[k].ravel() for k in self._NAMES])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
