import numpy as np


class TwoLayerNet:
    """Two-layer net using ufuncs (logaddexp, add.at, out=) and in-place arithmetic."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        W1, b1, W2, b2 = p["W1"], p["b1"], p["W2"], p["b2"]
        N = X.shape[0]
        z1 = X @ W1
        z1 += b1
        h1 = np.maximum(z1, 0.0, out=np.empty_like(z1))
        scores = h1 @ W2
        scores += b2
        if y is None:
            return scores

        lse = np.logaddexp.reduce(scores, axis=1)
        probs = np.exp(scores - lse[:, None])
        # reuse the one-hot buffer between calls with the same batch shape
        onehot = getattr(self, "_onehot", None)
        if onehot is None or onehot.shape != scores.shape:
            onehot = self._onehot = np.zeros_like(scores)
        np.put_along_axis(onehot, y[:, None], 1.0, axis=1)
        data_loss = -np.sum(onehot * (scores - lse[:, None])) / N
        reg_loss = reg * (np.vdot(W1, W1) + np.vdot(W2, W2))
        loss = data_loss + reg_loss

        dscores = (probs - onehot) / N

        dW2 = h1.T @ dscores
        db2 = dscores.sum(0)
        dh1 = dscores @ W2.T
        dh1[z1 <= 0] = 0.0
        dW1 = X.T @ dh1
        db1 = dh1.sum(0)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            take = np.random.choice(n, batch_size)
            xb, yb = X[take], y[take]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            out["loss_history"].append(loss)
            for key, value in self.params.items():
                value -= learning_rate * grads[key]
            if verbose and not it % 100:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if not it % per_epoch:
                out["train_acc_history"].append((self.predict(xb) == yb).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
