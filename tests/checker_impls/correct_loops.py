"""A correct TwoLayerNet with per-example loops in the loss, written independently."""

import math

import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    def _forward_one(self, x):
        p = self.params
        pre = x.dot(p["W1"]) + p["b1"]
        act = np.where(pre > 0, pre, 0.0)
        return pre, act, act.dot(p["W2"]) + p["b2"]

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        if y is None:
            return np.array([self._forward_one(x)[2] for x in X])
        N = len(X)
        total = 0.0
        grads = {k: np.zeros_like(v) for k, v in p.items()}
        for x, label in zip(X, y):
            pre, act, s = self._forward_one(x)
            top = max(s)
            log_norm = top + math.log(sum(math.exp(v - top) for v in s))
            total += log_norm - s[label]
            ds = np.exp(s - log_norm)
            ds[label] -= 1.0
            grads["W2"] += np.outer(act, ds) / N
            grads["b2"] += ds / N
            dpre = p["W2"].dot(ds) * (pre > 0)
            grads["W1"] += np.outer(x, dpre) / N
            grads["b1"] += dpre / N
        loss = total / N + reg * (np.sum(p["W1"] * p["W1"]) + np.sum(p["W2"] * p["W2"]))
        grads["W1"] += 2.0 * reg * p["W1"]
        grads["W2"] += 2.0 * reg * p["W2"]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        per_epoch = max(X.shape[0] // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            batch = np.random.choice(X.shape[0], batch_size)
            loss, grads = self.loss(X[batch], y=y[batch], reg=reg)
            history["loss_history"].append(loss)
            for key in ("W1", "b1", "W2", "b2"):
                self.params[key] = self.params[key] - learning_rate * grads[key]
            if it % per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(X[batch]) == y[batch]))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
