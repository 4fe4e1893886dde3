from dataclasses import dataclass, field

import numpy as np


@dataclass
class History:
    loss_history: list = field(default_factory=list)
    train_acc_history: list = field(default_factory=list)
    val_acc_history: list = field(default_factory=list)


@dataclass
class Forward:
    X: np.ndarray
    z1: np.ndarray
    h1: np.ndarray
    scores: np.ndarray


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = np.random.normal(0.0, std, size=(input_size, hidden_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = np.random.normal(0.0, std, size=(hidden_size, output_size))
        self.params["b2"] = np.zeros(output_size)

    def _forward(self, X):
        P = self.params
        z1 = X @ P["W1"] + P["b1"]
        h1 = z1.copy()
        h1[h1 < 0] = 0
        return Forward(X, z1, h1, h1 @ P["W2"] + P["b2"])

    def loss(self, X, y=None, reg=0.0):
        f = self._forward(X)
        if y is None:
            return f.scores
        P = self.params
        N = f.scores.shape[0]
        rows = np.arange(N)
        s = f.scores - f.scores.max(axis=1)[:, None]
        log_probs = s - np.log(np.exp(s).sum(axis=1))[:, None]
        loss = -log_probs[rows, y].mean() + reg * (np.sum(P["W1"] * P["W1"]) + np.sum(P["W2"] * P["W2"]))

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        dscores /= N
        dh1 = dscores @ P["W2"].T
        dh1[f.z1 <= 0] = 0
        return loss, {
            "W1": f.X.T @ dh1 + 2 * reg * P["W1"],
            "b1": dh1.sum(axis=0),
            "W2": f.h1.T @ dscores + 2 * reg * P["W2"],
            "b2": dscores.sum(axis=0),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        iterations_per_epoch = max(num_train // batch_size, 1)
        hist = History()
        for it in range(num_iters):
            idx = np.random.choice(num_train, size=batch_size, replace=True)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            hist.loss_history.append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if it % iterations_per_epoch == 0:
                hist.train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                hist.val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return vars(hist)

    def predict(self, X):
        return np.argmax(self._forward(X).scores, axis=1)
