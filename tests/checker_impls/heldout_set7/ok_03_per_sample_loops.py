import math

import numpy as np


class TwoLayerNet:
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

    def _row(self, x):
        z = x.dot(self.params["W1"]) + self.params["b1"]
        h = np.maximum(z, 0.0)
        return z, h, h.dot(self.params["W2"]) + self.params["b2"]

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        rows = [self._row(X[i]) for i in range(N)]
        if y is None:
            return np.array([r[2] for r in rows]).reshape(N, W2.shape[1])

        total = 0.0
        gW1, gb1 = np.zeros_like(W1), np.zeros_like(b1)
        gW2, gb2 = np.zeros_like(W2), np.zeros_like(b2)
        for i in range(N):
            z, h, s = rows[i]
            s = s - s.max()
            log_z = math.log(np.exp(s).sum())
            total += log_z - s[y[i]]
            ds = np.exp(s - log_z)
            ds[y[i]] -= 1.0
            ds /= N
            gW2 += np.outer(h, ds)
            gb2 += ds
            dz = W2.dot(ds) * (z > 0)
            gW1 += np.outer(X[i], dz)
            gb1 += dz

        loss = total / N + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        grads = {"W1": gW1 + 2 * reg * W1, "b1": gb1, "W2": gW2 + 2 * reg * W2, "b2": gb2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        it = 0
        while it < num_iters:
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] = self.params[name] - learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                hits = sum(int(p == t) for p, t in zip(self.predict(X_batch), y_batch))
                train_acc_history.append(hits / len(y_batch))
                hits = sum(int(p == t) for p, t in zip(self.predict(X_val), y_val))
                val_acc_history.append(hits / len(y_val))
                learning_rate *= learning_rate_decay
            it += 1
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        labels = np.empty(scores.shape[0], dtype=np.intp)
        for i, row in enumerate(scores):
            best = 0
            for c in range(1, row.shape[0]):
                if row[best] != row[best]:
                    break
                if row[c] > row[best] or row[c] != row[c]:
                    best = c
            labels[i] = best
        return labels
