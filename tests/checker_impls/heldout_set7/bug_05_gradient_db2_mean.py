from collections import defaultdict

import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        rng = np.random
        self.params = {}
        self.params["W1"] = std * rng.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * rng.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        batch = X.shape[0]

        hidden_in = np.matmul(X, W1)
        hidden_in += b1
        hidden = np.maximum(hidden_in, 0)
        logits = np.matmul(hidden, W2)
        logits += b2
        if y is None:
            return logits

        logits_shift = logits - np.amax(logits, axis=1, keepdims=True)
        expd = np.exp(logits_shift)
        denom = np.sum(expd, axis=1, keepdims=True)
        probs = expd / denom
        correct_logp = logits_shift[np.arange(batch), y] - np.log(denom[:, 0])
        loss = -np.mean(correct_logp)
        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        dlogits = probs
        dlogits[np.arange(batch), y] -= 1
        dlogits /= batch

        grads = {}
        grads["W2"] = np.matmul(hidden.T, dlogits) + 2 * reg * W2
        grads["b2"] = np.mean(dlogits, axis=0)
        dhidden = np.matmul(dlogits, W2.T)
        dhidden[hidden_in <= 0] = 0
        grads["W1"] = np.matmul(X.T, dhidden) + 2 * reg * W1
        grads["b1"] = np.sum(dhidden, axis=0)
        return loss, grads

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
        return np.argmax(self.loss(X), axis=1)
