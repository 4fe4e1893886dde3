import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _forward(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        z1 = np.dot(X, W1) + b1
        a1 = np.maximum(0, z1)
        z2 = np.dot(a1, W2) + b2
        return z2, (X, z1, a1)

    def _backward(self, dz2, cache, reg):
        X, z1, a1 = cache
        W1, W2 = self.params["W1"], self.params["W2"]
        grads = {}
        grads["W2"] = np.dot(a1.T, dz2) + 2 * reg * W2
        grads["b2"] = np.sum(dz2)
        da1 = np.dot(dz2, W2.T)
        dz1 = da1 * (z1 > 0)
        grads["W1"] = np.dot(X.T, dz1) + 2 * reg * W1
        grads["b1"] = np.sum(dz1, axis=0)
        return grads

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = -np.mean(log_probs[np.arange(N), y]) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dz2 = np.exp(log_probs)
        dz2[np.arange(N), y] -= 1
        dz2 /= N
        return loss, self._backward(dz2, cache, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            batch_indices = np.random.choice(num_train, batch_size)
            X_batch = X[batch_indices]
            y_batch = y[batch_indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for param_name in self.params:
                self.params[param_name] -= learning_rate * grads[param_name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
