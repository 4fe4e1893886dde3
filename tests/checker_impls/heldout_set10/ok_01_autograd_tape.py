import numpy as np


class Tape:
    """Records (output, backward) pairs and replays them in reverse."""

    def __init__(self):
        self.entries = []
        self.grads = {}

    def record(self, out_key, value, backward):
        self.entries.append((out_key, backward))
        return value

    def accumulate(self, key, g):
        if key in self.grads:
            self.grads[key] = self.grads[key] + g
        else:
            self.grads[key] = g

    def backprop(self, root_key):
        self.grads[root_key] = 1.0
        for key, backward in reversed(self.entries):
            if key in self.grads:
                backward(self.grads[key])
        return self.grads


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
        }
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def _graph(self, X, y, reg):
        P = self.params
        t = Tape()
        z1 = t.record("z1", X.dot(P["W1"]) + P["b1"], lambda g: (
            t.accumulate("W1", X.T.dot(g)), t.accumulate("b1", g.sum(axis=0))))
        h1 = t.record("h1", np.maximum(0, z1), lambda g: t.accumulate("z1", g * (z1 > 0)))
        s = t.record("s", h1.dot(P["W2"]) + P["b2"], lambda g: (
            t.accumulate("W2", h1.T.dot(g)), t.accumulate("b2", g.sum(axis=0)),
            t.accumulate("h1", g.dot(P["W2"].T))))
        if y is None:
            return s, None

        n = s.shape[0]
        shifted = s - s.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

        def back_data(g):
            d = np.exp(logp)
            d[np.arange(n), y] -= 1
            t.accumulate("s", g * (d / n))

        data = t.record("data", -logp[np.arange(n), y].mean(), back_data)
        penalty = t.record("penalty", reg * (np.sum(P["W1"] * P["W1"]) + np.sum(P["W2"] * P["W2"])),
                           lambda g: (t.accumulate("W1", g * 2 * reg * P["W1"]),
                                      t.accumulate("W2", g * 2 * reg * P["W2"])))
        total = t.record("total", data + penalty, lambda g: (
            t.accumulate("data", g), t.accumulate("penalty", g)))
        grads = t.backprop("total")
        return total, {k: grads[k] for k in ("W1", "b1", "W2", "b2")}

    def loss(self, X, y=None, reg=0.0):
        out, grads = self._graph(X, y, reg)
        if y is None:
            return out
        return out, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            rows = np.random.randint(0, num_train, batch_size)
            xb, yb = X[rows], y[rows]
            value, grads = self.loss(xb, y=yb, reg=reg)
            hist["loss_history"].append(value)
            for k in self.params:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % per_epoch == 0:
                hist["train_acc_history"].append((self.predict(xb) == yb).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
