import numpy as np
from numpy.linalg import norm


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _weight_penalty(self, reg):
        W1, W2 = self.params["W1"], self.params["W2"]
        value = reg * (norm(W1) ** 2 + norm(W2))
        grads = {"W1": 2 * reg * W1, "W2": 2 * reg * W2}
        return value, grads

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = X.dot(W1) + b1
        post = pre * (pre > 0)
        scores = post.dot(W2) + b2
        if y is None:
            return scores

        count = X.shape[0]
        idx = np.arange(count)
        shift = scores - scores.max(axis=1, keepdims=True)
        log_p = shift - np.log(np.exp(shift).sum(axis=1))[:, np.newaxis]
        penalty, pen_grads = self._weight_penalty(reg)
        total = -log_p[idx, y].sum() / count + penalty

        g = np.exp(log_p)
        g[idx, y] -= 1
        g /= count
        g_post = g.dot(W2.T)
        g_pre = g_post * (pre > 0)
        grads = {
            "W1": X.T.dot(g_pre) + pen_grads["W1"],
            "b1": g_pre.sum(axis=0),
            "W2": post.T.dot(g) + pen_grads["W2"],
            "b2": g.sum(axis=0),
        }
        return total, grads

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
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
