import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(0, z1)
        return h1 @ p["W2"] + p["b2"], (X, z1, h1)

    def _backward(self, dscores, cache, reg):
        X, z1, h1 = cache
        p = self.params
        grads = {}
        grads["W2"] = h1.T @ dscores + 2 * reg * p["W2"]
        grads["b2"] = np.sum(dscores, axis=0)
        dh1 = dscores @ p["W2"].T
        grads["b1"] = np.sum(dh1, axis=0)
        dz1 = dh1 * (z1 > 0)
        grads["W1"] = X.T @ dz1 + 2 * reg * p["W1"]
        return grads

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores
        N = X.shape[0]
        W1, W2 = self.params["W1"], self.params["W2"]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(N), y]) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        return loss, self._backward(dscores, cache, reg)

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
