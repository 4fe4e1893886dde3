import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self.history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        hidden_raw = X @ W1 + b1
        hidden = np.where(hidden_raw > 0, hidden_raw, 0.0)
        scores = hidden @ W2 + b2
        if y is None:
            return scores

        batch = scores.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        loss = -np.mean(log_p[np.arange(batch), y]) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        d_scores = np.exp(log_p)
        d_scores[np.arange(batch), y] -= 1
        d_scores /= batch
        d_hidden = d_scores @ W2.T
        d_raw = np.where(hidden_raw > 0, d_hidden, 0.0)
        return loss, {
            "W1": X.T @ d_raw + 2 * reg * W1,
            "b1": np.sum(d_raw, axis=0),
            "W2": hidden.T @ d_scores + 2 * reg * W2,
            "b2": np.sum(d_scores, axis=0),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        if not hasattr(self, "history"):
            self.history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        hist = self.history

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            hist["loss_history"].append(loss)

            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                hist["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return hist

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
