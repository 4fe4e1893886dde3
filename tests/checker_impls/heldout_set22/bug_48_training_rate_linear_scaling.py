"""NumPy re-implementation of a PyTorch recipe.  The recipe scales the base learning
rate with the batch size (lr = base_lr * batch_size / 256)."""
import numpy as np

REFERENCE_BATCH = 256


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

    def forward(self, x):
        p = self.params
        self.cache = (x, x @ p["W1"] + p["b1"])
        h = np.maximum(self.cache[1], 0)
        self.h = h
        return h @ p["W2"] + p["b2"]

    def loss(self, X, y=None, reg=0.0):
        out = self.forward(X)
        if y is None:
            return out
        p = self.params
        x, a = self.cache
        n = len(y)
        sh = out - out.max(axis=1, keepdims=True)
        e = np.exp(sh)
        prob = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(prob[np.arange(n), y]).mean() + reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
        g = prob.copy()
        g[np.arange(n), y] -= 1
        g /= n
        ga = (g @ p["W2"].T) * (a > 0)
        grads = {"W1": x.T @ ga + 2 * reg * p["W1"], "b1": ga.sum(0),
                 "W2": self.h.T @ g + 2 * reg * p["W2"], "b2": g.sum(0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        steps_per_epoch = max(n // batch_size, 1)
        lr = learning_rate * batch_size / REFERENCE_BATCH
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(n, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, yb, reg=reg)
            hist["loss_history"].append(loss)
            for k in grads:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if it % steps_per_epoch == 0:
                hist["train_acc_history"].append(float((self.predict(xb) == yb).mean()))
                hist["val_acc_history"].append(float((self.predict(X_val) == y_val).mean()))
                lr *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.forward(X).argmax(axis=1)
