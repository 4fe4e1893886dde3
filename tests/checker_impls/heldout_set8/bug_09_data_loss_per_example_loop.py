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

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        h_in = np.dot(X, W1) + b1
        h = np.maximum(h_in, 0)
        scores = np.dot(h, W2) + b2
        if y is None:
            return scores

        probs = np.empty_like(scores)
        loss = 0.0
        for i in range(N):
            row = scores[i] - np.max(scores[i])
            log_norm = math.log(np.sum(np.exp(row)))
            probs[i] = np.exp(row - log_norm)
            loss += log_norm - row[y[i]]
            loss /= N
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dW2 = np.dot(h.T, dscores) + 2 * reg * W2
        db2 = np.sum(dscores, axis=0)
        dh = np.dot(dscores, W2.T)
        dh[h_in <= 0] = 0
        dW1 = np.dot(X.T, dh) + 2 * reg * W1
        db1 = np.sum(dh, axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in ("W1", "b1", "W2", "b2"):
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
