import numpy as np


class TwoLayerNet:
    """Affine layers folded into augmented matrices [W; b] acting on [x, 1]."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    @staticmethod
    def _with_ones(A):
        return np.hstack([A, np.ones((A.shape[0], 1))])

    def _layers(self):
        P = self.params
        return np.vstack([P["W1"], P["b1"]]), np.vstack([P["W2"], P["b2"]])

    def loss(self, X, y=None, reg=0.0):
        A1, A2 = self._layers()
        Xa = self._with_ones(X)
        z = Xa @ A1
        h = z * (z > 0)
        ha = self._with_ones(h)
        scores = ha @ A2
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - scores.max(axis=1)[:, None]
        logp = shifted - np.log(np.exp(shifted).sum(axis=1))[:, None]
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = -logp[np.arange(N), y].sum() / N + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        onehot = np.eye(scores.shape[1])[y]
        d = (np.exp(logp) - onehot) / N
        dA2 = ha.T @ d
        dz = (d @ A2[:-1].T) * (z > 0)
        dA1 = Xa.T @ dz
        grads = {
            "W1": dA1[:-1] + 2 * reg * W1,
            "b1": dA1[-1],
            "W2": dA2[:-1] + 2 * reg * W2,
            "b2": dA2[-1],
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        rate = learning_rate
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            Xb, yb = X[idx], y[idx]
            value, grads = self.loss(Xb, yb, reg=reg)
            loss_history.append(value)
            for name, grad in grads.items():
                np.subtract(self.params[name], rate * grad, out=self.params[name])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % iters_per_epoch == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return self.loss(X).argmax(1)
