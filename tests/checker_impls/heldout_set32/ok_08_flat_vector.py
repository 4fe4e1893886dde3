import numpy as np


class TwoLayerNet:
    """Two-layer net whose params are views into one flat float64 vector (non-overlapping)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        draws = std * np.random.randn(D * H + H * C)  # W1's draws, then W2's, in one stream
        flat = np.zeros(D * H + H + H * C + C)
        flat[:D * H] = draws[:D * H]
        flat[D * H + H:D * H + H + H * C] = draws[D * H:]
        self._bind(flat, D, H, C)

    def _bind(self, flat, D, H, C):
        self._flat = flat
        cuts = np.cumsum([0, D * H, H, H * C, C])
        shapes = {"W1": (D, H), "b1": (H,), "W2": (H, C), "b2": (C,)}
        self.params = {}
        for name, lo, hi in zip(("W1", "b1", "W2", "b2"), cuts[:-1], cuts[1:]):
            self.params[name] = flat[lo:hi].reshape(shapes[name])

    @classmethod
    def from_params(cls, params):
        W1 = np.asarray(params["W1"], dtype=np.float64)
        W2 = np.asarray(params["W2"], dtype=np.float64)
        D, H = W1.shape
        C = W2.shape[1]
        net = cls.__new__(cls)
        flat = np.concatenate([W1.ravel(), np.asarray(params["b1"], dtype=np.float64).ravel(),
                               W2.ravel(), np.asarray(params["b2"], dtype=np.float64).ravel()])
        net._bind(flat, D, H, C)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        z1 = X.dot(W1) + b1
        h1 = np.maximum(0, z1)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores
        N = X.shape[0]
        m = scores.max(axis=1, keepdims=True)
        log_probs = scores - (m + np.log(np.exp(scores - m).sum(axis=1, keepdims=True)))
        loss = -np.mean(log_probs[np.arange(N), y]) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dz1 = dscores.dot(W2.T) * (z1 > 0)
        grads = {"W1": X.T.dot(dz1) + 2 * reg * W1, "b1": dz1.sum(axis=0),
                 "W2": h1.T.dot(dscores) + 2 * reg * W2, "b2": dscores.sum(axis=0)}
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
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
