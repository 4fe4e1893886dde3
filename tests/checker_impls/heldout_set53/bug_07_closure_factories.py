"""Two-layer net built from closures: per-layer functions made in a loop,
a nested loss function, and a learning-rate schedule kept in a closure cell."""
import numpy as np


def make_schedule(rate, decay):
    """Return (current, step): read the rate, and decay it in place via ``nonlocal``."""
    def current():
        return rate

    def step():
        nonlocal rate
        rate *= decay

    return current, step


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> softmax; parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for k, (fan_in, fan_out) in enumerate([(input_size, hidden_size), (hidden_size, output_size)], 1):
            self.params["W%d" % k] = std * np.random.randn(fan_in, fan_out)
            self.params["b%d" % k] = np.zeros(fan_out)
        self._build()

    def _build(self):
        self.layers = []
        for k, act in enumerate(("relu", "identity"), start=1):
            def layer(x, k=k):
                z = x @ self.params["W%d" % k] + self.params["b%d" % k]
                return z, (np.maximum(z, 0) if act == "relu" else z)
            self.layers.append(layer)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net._build()
        return net

    def _forward(self, X):
        cache, out = [], X
        for layer in self.layers:
            z, out = layer(out)
            cache.append((z, out))
        return cache

    def loss(self, X, y=None, reg=0.0):
        (z1, h1), (_, scores) = self._forward(X)
        if y is None:
            return scores

        W1, W2 = self.params["W1"], self.params["W2"]
        n = X.shape[0]
        rows = np.arange(n)

        def cross_entropy(scores):
            shifted = scores - scores.max(axis=1, keepdims=True)
            log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
            return -log_probs[rows, y].mean(), np.exp(log_probs)

        data_loss, probs = cross_entropy(scores)
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = probs.copy()
        dscores[rows, y] -= 1
        dscores /= n
        dW2 = h1.T @ dscores + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dh1 = dscores @ W2.T
        dz1 = dh1 * (z1 > 0)
        dW1 = X.T @ dz1 + 2 * reg * W1
        db1 = dz1.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        rate, decay = make_schedule(learning_rate, learning_rate_decay)
        sample = lambda: np.random.choice(num_train, batch_size)
        accuracy = lambda Xs, ys: (self.predict(Xs) == ys).mean()
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = sample()
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= rate() * grad

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(X_batch, y_batch))
                val_acc_history.append(accuracy(X_val, y_val))
                decay()

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
