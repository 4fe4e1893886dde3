import numpy as np


class TwoLayerNet:
    """Two-layer net leaning on ufunc keywords (out=, where=) and counting tricks."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        weights = [std * np.random.randn(a, b)
                   for a, b in ((input_size, hidden_size), (hidden_size, output_size))]
        self.params = {"W1": weights[0], "b1": np.zeros(hidden_size),
                       "W2": weights[1], "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        h1 = X @ W1
        h1 += b1
        active = h1 > 0
        np.maximum(h1, 0.0, out=h1)  # h1 is a fresh array, safe to overwrite
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        N, C = scores.shape
        lse = np.logaddexp.reduce(scores, axis=1)
        loss = (lse.sum() - scores[np.arange(N), y].sum()) / N
        loss += reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        probs = np.exp(scores - lse[:, None])
        db2 = (probs.sum(axis=0) - np.bincount(y, minlength=C)) / N
        np.add.at(probs, (np.arange(N), y), -1.0)
        probs /= N
        dh1 = probs @ W2.T
        db1 = np.sum(dh1, axis=0, where=active)
        dz1 = np.zeros_like(dh1)
        np.copyto(dz1, dh1, where=active)
        grads = {
            "W1": X.T @ dz1 + 2 * reg * W1,
            "b1": db1,
            "W2": h1.T @ probs + 2 * reg * W2,
            "b2": db2,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        rec = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            pick = np.random.choice(n, batch_size)
            Xb, yb = X.take(pick, axis=0), y.take(pick)
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            rec["loss_history"].append(loss)
            for k, v in self.params.items():
                np.subtract(v, np.multiply(grads[k], learning_rate), out=v)
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if it % per_epoch == 0:
                rec["train_acc_history"].append(np.count_nonzero(self.predict(Xb) == yb) / len(yb))
                rec["val_acc_history"].append(np.count_nonzero(self.predict(X_val) == y_val) / len(y_val))
                learning_rate *= learning_rate_decay
        return rec

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
