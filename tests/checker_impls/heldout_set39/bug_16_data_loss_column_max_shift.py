import numpy as np


class TwoLayerNet:
    """Two-layer net over a single parameter vector theta.

    As in the notes, theta = [vec(W1); b1; vec(W2); b2] and SGD is
    theta <- theta - eta_k * g, with eta_k = eta_0 * gamma^k after k epochs.
    self.params holds reshaped views into theta, so the dict and the vector
    always agree.
    """

    _order = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        self._pack({"W1": np.zeros((D, H)), "b1": np.zeros(H),
                    "W2": np.zeros((H, C)), "b2": np.zeros(C)})
        self.params["W1"][...] = std * np.random.randn(D, H)
        self.params["W2"][...] = std * np.random.randn(H, C)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net._pack({k: np.array(params[k], dtype=np.float64) for k in cls._order})
        return net

    def _pack(self, arrays):
        self.theta = np.concatenate([arrays[k].ravel() for k in self._order])
        self.params = {}
        start = 0
        for k in self._order:
            size = arrays[k].size
            self.params[k] = self.theta[start:start + size].reshape(arrays[k].shape)
            start += size

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in self._order)
        N = X.shape[0]

        z1 = X @ W1 + b1
        h1 = np.maximum(z1, 0)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        shifted = scores - scores.max(axis=0)
        log_Z = np.log(np.exp(shifted).sum(axis=1))
        data_loss = np.mean(log_Z - shifted[np.arange(N), y])
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        g_scores = np.exp(shifted - log_Z[:, None])
        g_scores[np.arange(N), y] -= 1
        g_scores /= N
        g_W2 = h1.T @ g_scores + 2 * reg * W2
        g_b2 = g_scores.sum(axis=0)
        g_z1 = (g_scores @ W2.T) * (z1 > 0)
        g_W1 = X.T @ g_z1 + 2 * reg * W1
        g_b1 = g_z1.sum(axis=0)

        return data_loss + reg_loss, {"W1": g_W1, "b1": g_b1, "W2": g_W2, "b2": g_b2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        k = 0  # epochs completed so far
        for it in range(num_iters):
            eta = learning_rate * learning_rate_decay ** k
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            g = np.concatenate([grads[name].ravel() for name in self._order])
            self.theta -= eta * g

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                k += 1

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
