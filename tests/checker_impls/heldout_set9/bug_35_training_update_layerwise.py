import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def _forward(self, X):
        z1 = X @ self.params["W1"] + self.params["b1"]
        h1 = np.maximum(z1, 0)
        return z1, h1, h1 @ self.params["W2"] + self.params["b2"]

    @staticmethod
    def _softmax_loss(scores, y):
        N = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        return -log_probs[np.arange(N), y].mean(), dscores / N

    def loss(self, X, y=None, reg=0.0):
        z1, h1, scores = self._forward(X)
        if y is None:
            return scores
        W1, W2 = self.params["W1"], self.params["W2"]
        data_loss, ds = self._softmax_loss(scores, y)
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dz1 = (ds @ W2.T) * (z1 > 0)
        grads = {"W1": X.T @ dz1 + 2 * reg * W1, "b1": dz1.sum(axis=0),
                 "W2": h1.T @ ds + 2 * reg * W2, "b2": ds.sum(axis=0)}
        return loss, grads

    def _sgd_step(self, X, y, reg, lr):
        """One SGD step on a minibatch; returns the minibatch loss."""
        p = self.params
        z1, h1, scores = self._forward(X)
        data_loss, ds = self._softmax_loss(scores, y)
        loss = data_loss + reg * (np.sum(p["W1"] * p["W1"]) + np.sum(p["W2"] * p["W2"]))
        p["W2"] -= lr * (h1.T @ ds + 2 * reg * p["W2"])
        p["b2"] -= lr * ds.sum(axis=0)
        dz1 = (ds @ p["W2"].T) * (z1 > 0)
        p["W1"] -= lr * (X.T @ dz1 + 2 * reg * p["W1"])
        p["b1"] -= lr * dz1.sum(axis=0)
        return loss

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss = self._sgd_step(X_batch, y_batch, reg, learning_rate)
            loss_history.append(loss)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
