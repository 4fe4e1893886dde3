from dataclasses import dataclass

import numpy as np


@dataclass
class Cache:
    X: np.ndarray
    z1: np.ndarray
    h1: np.ndarray
    scores: np.ndarray


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def forward(self, X):
        z1 = np.matmul(X, self.params["W1"]) + self.params["b1"]
        h1 = np.maximum(z1, 0)
        scores = np.matmul(h1, self.params["W2"]) + self.params["b2"]
        return Cache(X, z1, h1, scores)

    def loss(self, X, y=None, reg=0.0):
        cache = self.forward(X)
        if y is None:
            return cache.scores
        W1, W2 = self.params["W1"], self.params["W2"]
        s = cache.scores
        s = s - s.max(axis=1, keepdims=True)
        log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        target = np.eye(s.shape[1])[y]
        nll = -target * log_probs
        loss = nll.mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = np.exp(log_probs) - target
        dscores /= dscores.size
        return loss, self.backward(cache, dscores, reg)

    def backward(self, cache, dscores, reg):
        W1, W2 = self.params["W1"], self.params["W2"]
        dW2 = np.matmul(cache.h1.T, dscores) + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dz1 = np.matmul(dscores, W2.T) * (cache.z1 > 0)
        dW1 = np.matmul(cache.X.T, dz1) + 2 * reg * W1
        db1 = dz1.sum(axis=0)
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] = self.params[name] - learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return dict(loss_history=loss_history, train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        return np.argmax(self.forward(X).scores, axis=1)
