import math

import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def _example(self, x):
        z = x.dot(self.params["W1"]) + self.params["b1"]
        h = np.maximum(z, 0)
        return z, h, h.dot(self.params["W2"]) + self.params["b2"]

    def loss(self, X, y=None, reg=0.0):
        N = X.shape[0]
        rows = [self._example(X[i]) for i in range(N)]
        if y is None:
            C = self.params["b2"].shape[0]
            return np.array([r[2] for r in rows]).reshape(N, C)

        W1, W2 = self.params["W1"], self.params["W2"]
        grads = {k: np.zeros_like(v, dtype=float) for k, v in self.params.items()}
        total = 0.0
        for i, (z, h, s) in enumerate(rows):
            top = s.max()
            shifted = s - top
            log_norm = math.log(np.exp(shifted).sum())
            total += log_norm - shifted[y[i]]
            ds = np.exp(shifted - log_norm)
            ds[y[i]] -= 1.0
            ds /= N
            grads["W2"] += np.outer(h, ds)
            grads["b2"] += ds
            dz = W2.dot(ds) * (z > 0)
            grads["W1"] += np.outer(X[i], dz)
            grads["b1"] += dz
        loss = total / N + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        grads["W1"] += 2 * reg * W1
        grads["W2"] += 2 * reg * W2
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        it = 0
        while it < num_iters:
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in list(self.params):
                self.params[k] = self.params[k] - learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
            it += 1
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        out = np.empty(scores.shape[0], dtype=np.intp)
        for i, row in enumerate(scores):
            best = 0
            for c in range(1, row.shape[0]):
                if np.isnan(row[best]):
                    break
                if row[c] > row[best] or np.isnan(row[c]):
                    best = c
            out[i] = best
        return out
