import numpy as np


class _Schedule:
    """Exponential per-epoch decay of the step size."""

    def __init__(self, rate, decay):
        self.rate = rate
        self.decay = decay

    def end_of_epoch(self):
        self.rate *= self.decay


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {"W1": None, "b1": np.zeros(hidden_size), "W2": None, "b2": np.zeros(output_size)}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _scores(self, X):
        p = self.params
        z = (p["W1"].T @ X.T).T + p["b1"]
        h = np.maximum(z, 0)
        return z, h, (p["W2"].T @ h.T).T + p["b2"]

    def loss(self, X, y=None, reg=0.0):
        z, h, scores = self._scores(X)
        if y is None:
            return scores
        p = self.params
        n = y.shape[0]
        m = np.max(scores, axis=1, keepdims=True)
        log_probs = scores - m - np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))
        data_loss = -np.mean(log_probs[np.arange(n), y])
        reg_loss = reg * float(np.tensordot(p["W1"], p["W1"]) + np.tensordot(p["W2"], p["W2"]))
        d = np.exp(log_probs)
        d[np.arange(n), y] -= 1
        d = d / n
        dh = np.dot(d, p["W2"].T)
        dz = np.where(z > 0, dh, 0)
        grads = {
            "W2": np.dot(h.T, d) + reg * 2 * p["W2"],
            "b2": np.sum(d, axis=0),
            "W1": np.dot(X.T, dz) + reg * 2 * p["W1"],
            "b1": np.sum(dz, axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        sched = _Schedule(learning_rate, learning_rate_decay)
        loss_history, train_acc, val_acc = [], [], []
        for it in range(num_iters):
            ids = np.random.choice(num_train, batch_size)
            xb, yb = X[ids], y[ids]
            value, grads = self.loss(xb, y=yb, reg=reg)
            loss_history.append(value)
            for name in ("b2", "W2", "b1", "W1"):
                self.params[name] -= sched.rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % per_epoch == 0:
                train_acc.append((self.predict(xb) == yb).mean())
                val_acc.append((self.predict(X_val) == y_val).mean())
                sched.end_of_epoch()
        return {"loss_history": loss_history, "train_acc_history": train_acc, "val_acc_history": val_acc}

    def predict(self, X):
        return np.argmax(self._scores(X)[2], axis=1)
