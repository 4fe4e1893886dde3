"""Ported from PyTorch: optimizer = SGD(model.parameters(), lr=lr, weight_decay=reg)."""
import numpy as np


class SGD:
    def __init__(self, params, lr, weight_decay=0.0):
        self.params = params
        self.lr = lr
        self.weight_decay = weight_decay

    def step(self, grads):
        for name, p in self.params.items():
            d_p = grads[name]
            if self.weight_decay != 0 and name.startswith("W"):
                d_p = d_p + self.weight_decay * p
            p -= self.lr * d_p


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
        n = X.shape[0]
        a = X @ p["W1"] + p["b1"]
        h = np.maximum(a, 0)
        logits = h @ p["W2"] + p["b2"]
        if y is None:
            return logits
        z = logits - logits.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        loss = -logp[np.arange(n), y].mean() + reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
        g = np.exp(logp)
        g[np.arange(n), y] -= 1
        g /= n
        ga = (g @ p["W2"].T) * (a > 0)
        return loss, {"W1": X.T @ ga + 2 * reg * p["W1"], "b1": ga.sum(0),
                      "W2": h.T @ g + 2 * reg * p["W2"], "b2": g.sum(0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        steps_per_epoch = max(n // batch_size, 1)
        opt = SGD(self.params, lr=learning_rate, weight_decay=reg)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(n, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, yb, reg=reg)
            hist["loss_history"].append(loss)
            opt.step(grads)
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if it % steps_per_epoch == 0:
                hist["train_acc_history"].append((self.predict(xb) == yb).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                opt.lr *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
