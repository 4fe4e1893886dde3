import numpy as np


def relu(x):
    return np.maximum(0, x)


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
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        layers = [(W1, b1), (W2, b2)]
        cache = []
        out = X
        for W, b in layers:
            z = out @ W + b
            cache.append((out, z))
            out = relu(z)
        return out, cache

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores
        W1, W2 = self.params["W1"], self.params["W2"]
        N = X.shape[0]

        z = scores - scores.max(axis=1, keepdims=True)
        logp = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
        loss = -np.sum(logp[np.arange(N), y]) / N + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        d = np.exp(logp)
        d[np.arange(N), y] -= 1
        d /= N

        (x1, z1), (h1, z2) = cache
        grads = {}
        grads["W2"] = h1.T @ d + 2 * reg * W2
        grads["b2"] = d.sum(axis=0)
        dh = d @ W2.T
        dh[z1 <= 0] = 0
        grads["W1"] = x1.T @ dh + 2 * reg * W1
        grads["b1"] = dh.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, g in grads.items():
                self.params[name] -= learning_rate * g
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
