import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        rng = np.random
        self.params = {}
        self.params["W1"] = rng.randn(input_size, hidden_size) * std
        self.params["b1"] = np.zeros((hidden_size,))
        self.params["W2"] = rng.randn(hidden_size, output_size) * std
        self.params["b2"] = np.zeros((output_size,))

    @classmethod
    def from_params(cls, params):
        self = cls.__new__(cls)
        self.params = {name: np.asarray(params[name], dtype=np.float64).copy()
                       for name in ("W1", "b1", "W2", "b2")}
        return self

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        n = len(X)
        pre = X @ p["W1"] + p["b1"]
        act = np.where(pre > 0, pre, 0.0)
        out = act @ p["W2"] + p["b2"]
        if y is None:
            return out

        c = out.shape[1]
        onehot = np.zeros((n, c))
        onehot[np.arange(n), y] = 1.0
        m = out.max(axis=1, keepdims=True)
        lse = m + np.log(np.sum(np.exp(out - m), axis=1, keepdims=True))
        logp = out - lse
        data = -np.sum(onehot * logp) / n
        l2 = np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2)
        total = data + reg * l2

        d_out = (np.exp(logp) - onehot) / n
        gW2 = act.T @ d_out + 2 * reg * p["W2"]
        gb2 = d_out.sum(0)
        d_act = d_out @ p["W2"].T
        d_pre = np.where(pre > 0, d_act, 0.0)
        gW1 = X.T @ d_pre + 2 * reg * p["W1"]
        gb1 = d_pre.sum(0)
        return total, {"W1": gW1, "b1": gb1, "W2": gW2, "b2": gb2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = num_train // batch_size
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            Xb = X[sample]
            yb = y[sample]
            cost, g = self.loss(Xb, yb, reg=reg)
            stats["loss_history"].append(cost)
            for k in self.params:
                self.params[k] -= lr * g[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, cost))
            if it % epoch_len == 0:
                stats["train_acc_history"].append((self.predict(Xb) == yb).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                lr = lr * learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
