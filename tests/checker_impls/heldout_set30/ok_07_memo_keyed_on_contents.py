import numpy as np


class TwoLayerNet:
    """Two-layer net with a content-keyed cache of its last forward pass."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(zip(("W1", "b1", "W2", "b2"),
                               (W1, np.zeros(hidden_size), W2, np.zeros(output_size))))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _key(self, X):
        parts = [X.shape, X.dtype.str, X.tobytes()]
        for k in ("W1", "b1", "W2", "b2"):
            v = self.params[k]
            parts += [v.shape, v.dtype.str, v.tobytes()]
        return tuple(parts)

    def _forward(self, X):
        key = self._key(X)
        hit = getattr(self, "_memo", None)
        if hit is not None and hit[0] == key:
            return hit[1]
        p = self.params
        z1 = X.dot(p["W1"]) + p["b1"]
        h1 = np.maximum(0, z1)
        scores = h1.dot(p["W2"]) + p["b2"]
        out = (z1, h1, scores)
        self._memo = (key, out)
        return out

    def loss(self, X, y=None, reg=0.0):
        z1, h1, scores = self._forward(X)
        if y is None:
            return scores.copy()
        W1, W2 = self.params["W1"], self.params["W2"]
        N, C = scores.shape
        sh = scores - scores.max(axis=1, keepdims=True)
        log_p = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        is_label = np.arange(C)[None, :] == y[:, None]
        loss = -log_p[is_label].sum() / N + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        d = (np.exp(log_p) - is_label) / N
        dz1 = np.where(z1 > 0, d.dot(W2.T), 0.0)
        return loss, {"W1": X.T.dot(dz1) + 2 * reg * W1, "b1": dz1.sum(0),
                      "W2": h1.T.dot(d) + 2 * reg * W2, "b2": d.sum(0)}

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
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return dict(loss_history=loss_history, train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
