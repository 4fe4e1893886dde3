import numpy as np


class TwoLayerNet:
    """Two-layer net with a prediction cache that is invalidated on every parameter update."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self._version = 0
        self._cache = {}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net._version = 0
        net._cache = {}
        return net

    def _state(self):
        if not hasattr(self, "_cache"):
            self._cache, self._version = {}, 0
        return self._cache

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        z1 = X.dot(W1) + b1
        h1 = np.maximum(0, z1)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -np.take_along_axis(log_probs, y[:, None], axis=1).mean()
        loss += reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        onehot = np.zeros_like(scores)
        np.put_along_axis(onehot, y[:, None], 1.0, axis=1)
        dscores = (np.exp(log_probs) - onehot) / N
        dz1 = dscores.dot(W2.T)
        dz1[z1 <= 0] = 0
        grads = {
            "W1": X.T.dot(dz1) + 2 * reg * W1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T.dot(dscores) + 2 * reg * W2,
            "b2": dscores.sum(axis=0),
        }
        return loss, grads

    def _step(self, grads, lr):
        for name in self.params:
            self.params[name] -= lr * grads[name]
        self._state().clear()
        self._version += 1

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        self._state().clear()
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            self._step(grads, learning_rate)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        cache = self._state()
        key = (X.shape, X.tobytes(), self._version) + tuple(p.tobytes() for p in self.params.values())
        if key not in cache:
            cache.clear()
            cache[key] = np.argmax(self.loss(X), axis=1)
        return cache[key].copy()
