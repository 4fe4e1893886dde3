"""TwoLayerNet with the notebook's helper cells folded into class attributes and static methods."""
import functools
import operator

import numpy as np


class TwoLayerNet:
    KEYS = ("W1", "b1", "W2", "b2")
    WEIGHTS = ("W1", "W2")
    LOG_EVERY = 100

    relu = staticmethod(lambda x: np.maximum(0, x))

    @staticmethod
    def probs_from_scores(scores):
        z = np.exp(scores - scores.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    @staticmethod
    def sq_norm(a):
        return float(np.linalg.norm(a))

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def _scores(self, X):
        P = self.params
        hidden_in = X.dot(P["W1"]) + P["b1"]
        hidden = self.relu(hidden_in)
        return hidden.dot(P["W2"]) + P["b2"], hidden_in, hidden

    def loss(self, X, y=None, reg=0.0):
        scores, hidden_in, hidden = self._scores(X)
        if y is None:
            return scores
        P = self.params
        N = X.shape[0]
        probs = self.probs_from_scores(scores)
        data_loss = -np.sum(np.log(probs[np.arange(N), y])) / N
        reg_loss = reg * functools.reduce(operator.add, (self.sq_norm(P[k]) for k in self.WEIGHTS))
        loss = data_loss + reg_loss

        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = dict.fromkeys(self.KEYS)
        grads["W2"] = hidden.T.dot(dscores) + 2 * reg * P["W2"]
        grads["b2"] = dscores.sum(axis=0)
        dhidden = dscores.dot(P["W2"].T) * (hidden_in > 0)
        grads["W1"] = X.T.dot(dhidden) + 2 * reg * P["W1"]
        grads["b1"] = dhidden.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.KEYS:
                self.params[k] = self.params[k] - learning_rate * grads[k]
            if verbose and it % self.LOG_EVERY == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self._scores(X)[0], axis=1)
