from collections import defaultdict

import math

import numpy as np


class TwoLayerNet:
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
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        pre = X @ W1 + b1
        hid = np.maximum(pre, 0)
        scores = hid @ W2 + b2
        if y is None:
            return scores

        loss = 0.0
        dscores = np.zeros_like(scores)
        for i in range(N):
            row = scores[i] - scores[i].max()
            log_z = math.log(np.exp(row).sum())
            loss -= row[y[i]] - log_z
            dscores[i] = np.exp(row - log_z)
            dscores[i, y[i]] -= 1.0
        loss /= N
        dscores /= N
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dW2 = hid.T @ dscores + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dpre = (dscores @ W2.T) * (pre > 0)
        dW1 = X.T @ dpre + 2 * reg * W1
        db1 = dpre.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = defaultdict(list)
        for it in range(num_iters):
            sel = np.random.randint(0, num_train, batch_size)
            X_batch, y_batch = X[sel], y[sel]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats["loss_history"].append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {k: stats[k] for k in ("loss_history", "train_acc_history", "val_acc_history")}

    def predict(self, X):
        scores = self.loss(X)
        labels = np.zeros(scores.shape[0], dtype=np.int64)
        for i, row in enumerate(scores):
            best = 0
            for c in range(1, row.shape[0]):
                if row[c] >= row[best]:
                    best = c
            labels[i] = best
        return labels
