from collections import defaultdict

import numpy as np
from dataclasses import dataclass


@dataclass
class Cache:
    X: np.ndarray
    pre: np.ndarray
    hidden: np.ndarray


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

    def forward(self, X):
        pre = X @ self.params["W1"] + self.params["b1"]
        hidden = np.maximum(pre, 0)
        return hidden @ self.params["W2"] + self.params["b2"], Cache(X, pre, hidden)

    def backward(self, dscores, cache, reg):
        W1, W2 = self.params["W1"], self.params["W2"]
        dpre = (dscores @ W2.T) * (cache.pre > 0)
        return {"W1": cache.X.T @ dpre + 2 * reg * W1, "b1": dpre.sum(axis=0),
                "W2": cache.hidden.T @ dscores + 2 * reg * W2, "b2": dscores.sum(axis=0)}

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self.forward(X)
        if y is None:
            return scores
        N = X.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = -logp[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dscores = np.exp(logp)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        return loss, self.backward(dscores, cache, reg)

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
        scores, _ = self.forward(X)
        return np.max(scores, axis=1)
