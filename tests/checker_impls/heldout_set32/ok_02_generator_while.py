import numpy as np


def _minibatches(X, y, batch_size, count):
    n = X.shape[0]
    produced = 0
    while produced < count:
        idx = np.random.choice(n, batch_size)
        yield X[idx], y[idx]
        produced += 1


class TwoLayerNet:
    """Two-layer net: generator-fed training loop, explicit softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = np.random.randn(input_size, hidden_size)
        second = np.random.randn(hidden_size, output_size)
        first *= std
        second *= std
        self.params = {"W1": first, "b1": np.zeros(hidden_size), "W2": second, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64, copy=True)
                      for name in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        P = self.params
        z1 = X @ P["W1"] + P["b1"]
        h1 = z1 * (z1 > 0)
        return z1, h1, h1 @ P["W2"] + P["b2"]

    def loss(self, X, y=None, reg=0.0):
        z1, h1, scores = self._forward(X)
        if y is None:
            return scores
        P = self.params
        N = len(y)
        rows = np.arange(N)
        e = np.exp(scores - np.max(scores, axis=1, keepdims=True))
        probs = e / np.sum(e, axis=1, keepdims=True)
        data = -np.sum(np.log(probs[rows, y])) / N
        penalty = reg * (np.sum(P["W1"] ** 2) + np.sum(P["W2"] ** 2))

        d = probs
        d[rows, y] -= 1.0
        d /= N
        dh = d @ P["W2"].T
        dh[z1 <= 0] = 0.0
        grads = {}
        grads["b2"] = d.sum(0)
        grads["W2"] = h1.T @ d + 2 * reg * P["W2"]
        grads["b1"] = dh.sum(0)
        grads["W1"] = X.T @ dh + 2 * reg * P["W1"]
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        epoch_len = max(X.shape[0] // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        it = 0
        for X_batch, y_batch in _minibatches(X, y, batch_size, num_iters):
            cost, grads = self.loss(X_batch, y=y_batch, reg=reg)
            losses.append(cost)
            for name in ("W1", "b1", "W2", "b2"):
                np.subtract(self.params[name], learning_rate * grads[name], out=self.params[name])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, cost))
            if it % epoch_len == 0:
                train_accs.append((self.predict(X_batch) == y_batch).mean())
                val_accs.append((self.predict(X_val) == y_val).mean())
                learning_rate = learning_rate * learning_rate_decay
            it += 1
        return {"loss_history": losses, "train_acc_history": train_accs, "val_acc_history": val_accs}

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
