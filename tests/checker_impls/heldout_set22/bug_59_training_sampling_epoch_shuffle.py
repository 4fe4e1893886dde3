"""Like a torch DataLoader(shuffle=True): reshuffle at the start of each epoch and walk
through the permutation in consecutive minibatches."""
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

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a = X @ p["W1"] + p["b1"]
        h = np.maximum(a, 0)
        logits = h @ p["W2"] + p["b2"]
        if y is None:
            return logits
        n = X.shape[0]
        z = logits - logits.max(1, keepdims=True)
        log_sm = z - np.log(np.exp(z).sum(1, keepdims=True))
        loss = -log_sm[np.arange(n), y].mean() + reg * sum(np.sum(p[w] ** 2) for w in ("W1", "W2"))
        g = np.exp(log_sm)
        g[np.arange(n), y] -= 1.0
        g /= n
        ga = (g @ p["W2"].T) * (a > 0)
        return loss, {"W1": X.T @ ga + 2 * reg * p["W1"], "b1": ga.sum(0),
                      "W2": h.T @ g + 2 * reg * p["W2"], "b2": g.sum(0)}

    def _batches(self, n, batch_size):
        while True:
            perm = np.random.permutation(n)
            for start in range(0, n, batch_size):
                yield perm[start:start + batch_size]

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        steps_per_epoch = max(n // batch_size, 1)
        loader = self._batches(n, batch_size)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            idx = next(loader)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, yb, reg=reg)
            hist["loss_history"].append(loss)
            for k, g in grads.items():
                self.params[k] -= lr * g
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if it % steps_per_epoch == 0:
                hist["train_acc_history"].append((self.predict(xb) == yb).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(1)
