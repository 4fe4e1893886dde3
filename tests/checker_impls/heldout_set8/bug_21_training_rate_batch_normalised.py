import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {"W1": (input_size, hidden_size), "W2": (hidden_size, output_size)}
        self.params = {}
        for key in ("W1", "W2"):
            self.params[key] = std * np.random.randn(*shapes[key])
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a = X @ p["W1"] + p["b1"]
        h = np.where(a > 0, a, 0.0)
        s = h @ p["W2"] + p["b2"]
        if y is None:
            return s
        n = s.shape[0]
        s0 = s - s.max(axis=1, keepdims=True)
        lp = s0 - np.log(np.exp(s0).sum(axis=1, keepdims=True))
        loss = -lp[np.arange(n), y].sum() / n + reg * ((p["W1"] ** 2).sum() + (p["W2"] ** 2).sum())
        g = np.exp(lp)
        g[np.arange(n), y] -= 1
        g /= n
        gh = (g @ p["W2"].T) * (a > 0)
        return loss, {
            "W1": X.T @ gh + 2 * reg * p["W1"],
            "b1": gh.sum(axis=0),
            "W2": h.T @ g + 2 * reg * p["W2"],
            "b2": g.sum(axis=0),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        step_size = learning_rate / batch_size
        losses, tr_acc, va_acc = [], [], []
        for it in range(num_iters):
            pick = np.random.choice(n, batch_size)
            xb, yb = X[pick], y[pick]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            losses.append(loss)
            for k in grads:
                self.params[k] -= step_size * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                tr_acc.append((self.predict(xb) == yb).mean())
                va_acc.append((self.predict(X_val) == y_val).mean())
                step_size *= learning_rate_decay
        return {"loss_history": losses, "train_acc_history": tr_acc, "val_acc_history": va_acc}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
