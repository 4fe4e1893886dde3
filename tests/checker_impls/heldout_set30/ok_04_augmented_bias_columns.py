import numpy as np


def _with_ones(A):
    return np.hstack([A, np.ones((A.shape[0], 1))])


class TwoLayerNet:
    """Two-layer net computed with augmented [W; b] matrices."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        A1 = np.vstack([p["W1"], p["b1"]])  # (D+1, H): bias row last, matching the ones column
        A2 = np.vstack([p["W2"], p["b2"]])  # (H+1, C)
        Xa = _with_ones(X)
        z1 = Xa @ A1
        h1a = _with_ones(np.maximum(z1, 0))
        scores = h1a @ A2
        if y is None:
            return scores

        N = X.shape[0]
        m = np.max(scores, axis=1, keepdims=True)
        e = np.exp(scores - m)
        z = e.sum(axis=1, keepdims=True)
        loss = np.mean(np.log(z[:, 0]) + m[:, 0] - scores[np.arange(N), y])
        loss += reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

        d = e / z
        d[np.arange(N), y] -= 1
        d /= N
        gA2 = h1a.T @ d
        dz1 = (d @ A2[:-1].T) * (z1 > 0)
        gA1 = Xa.T @ dz1
        grads = {
            "W1": gA1[:-1] + 2 * reg * p["W1"], "b1": gA1[-1],
            "W2": gA2[:-1] + 2 * reg * p["W2"], "b2": gA2[-1],
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        it = 0
        while it < num_iters:
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats["loss_history"].append(loss)
            for name in grads:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
            it += 1
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
