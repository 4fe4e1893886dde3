"""Two-layer net that folds each bias into its weight matrix (the "ones column" trick)."""

import numpy as np


def _with_ones(A):
    return np.hstack([A, np.ones((A.shape[0], 1))])


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": np.random.normal(0.0, std, size=(input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
        }
        self.params["W2"] = np.random.normal(0.0, std, size=(hidden_size, output_size))
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _stacked(self):
        T1 = np.vstack([self.params["W1"], self.params["b1"]])   # (D + 1, H)
        T2 = np.vstack([self.params["W2"], self.params["b2"]])   # (H + 1, C)
        return T1, T2

    def loss(self, X, y=None, reg=0.0):
        T1, T2 = self._stacked()
        Xa = _with_ones(X)
        z = Xa @ T1
        h = np.maximum(z, 0)
        ha = _with_ones(h)
        scores = ha @ T2
        if y is None:
            return scores

        N = len(X)
        rows = np.arange(N)
        m = scores.max(axis=1)
        lse = m + np.log(np.exp(scores - m[:, None]).sum(axis=1))
        data_loss = np.mean(lse - scores[rows, y])

        W1, W2 = self.params["W1"], self.params["W2"]
        loss = data_loss + reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        d = np.exp(scores - lse[:, None])
        d[rows, y] -= 1
        d /= N

        dT2 = ha.T @ d
        dz = (d @ T2[:-1].T) * (z > 0)
        dT1 = Xa.T @ dz

        grads = {
            "W1": dT1[:-1] + 2 * reg * W1,
            "b1": dT1[-1],
            "W2": dT2[:-1] + 2 * reg * W2,
            "b2": dT2[-1],
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            start = (it * batch_size) % num_train
            idx = np.arange(start, min(start + batch_size, num_train))
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
