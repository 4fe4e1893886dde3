import numpy as np


class TwoLayerNet:
    """Two-layer fully connected net: affine - relu - affine - softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self._last = None

    def _hidden(self, X):
        # avoid recomputing the first layer when the same batch comes back
        last = getattr(self, "_last", None)
        if last is not None and last[0] is X:
            return last[1], last[2]
        z1 = X @ self.params["W1"] + self.params["b1"]
        h1 = np.maximum(z1, 0)
        self._last = (X, z1, h1)
        return z1, h1

    def loss(self, X, y=None, reg=0.0):
        W1, W2, b2 = self.params["W1"], self.params["W2"], self.params["b2"]
        z1, h1 = self._hidden(X)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        N = len(X)
        mx = scores.max(axis=1, keepdims=True)
        ex = np.exp(scores - mx)
        tot = ex.sum(axis=1, keepdims=True)
        logp = (scores - mx) - np.log(tot)
        loss = -logp[np.arange(N), y].mean()
        loss = loss + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        d = ex / tot
        d[np.arange(N), y] -= 1
        d = d / N
        dW2 = h1.T @ d + 2 * reg * W2
        db2 = d.sum(axis=0)
        dz1 = (d @ W2.T) * (z1 > 0)
        dW1 = X.T @ dz1 + 2 * reg * W1
        db1 = dz1.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
