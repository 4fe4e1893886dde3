import numpy as np


def minibatches(num_train, batch_size, num_iters):
    for it in range(num_iters):
        yield it, np.random.choice(num_train, batch_size)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[n] for n in ("W1", "b1", "W2", "b2"))
        a = X @ W1 + b1
        h = np.maximum(a, 0)
        scores = h @ W2 + b2
        if y is None:
            return scores
        N = X.shape[0]
        s = scores - scores.max(axis=1, keepdims=True)
        lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -lp[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        g = np.exp(lp)
        g[np.arange(N), y] -= 1
        g /= N
        ga = (g @ W2.T) * (a > 0)
        return loss, {"W1": X.T @ ga + 2 * reg * W1, "b1": ga.sum(axis=0),
                      "W2": h.T @ g + 2 * reg * W2, "b2": g.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it, idx in minibatches(num_train, batch_size, num_iters):
            epoch = it // iterations_per_epoch
            lr = learning_rate * learning_rate_decay ** epoch
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats["loss_history"].append(loss)
            for n in self.params:
                self.params[n] -= lr * grads[n]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
