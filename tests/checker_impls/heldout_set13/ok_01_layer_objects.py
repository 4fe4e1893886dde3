import numpy as np


class Dense:
    def __init__(self, w, b):
        self.w, self.b = w, b

    def forward(self, x):
        self.x = x
        return x @ self.w + self.b

    def backward(self, g):
        return g @ self.w.T, self.x.T @ g, g.sum(axis=0)


class Rectifier:
    def forward(self, x):
        self.on = x > 0
        return np.where(self.on, x, 0.0)

    def backward(self, g):
        return np.where(self.on, g, 0.0)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {"W1": std * np.random.randn(input_size, hidden_size)}
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _layers(self):
        p = self.params
        return [Dense(p["W1"], p["b1"]), Rectifier(), Dense(p["W2"], p["b2"])]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        if y is None:
            return out
        n = out.shape[0]
        rows = np.arange(n)
        top = out.max(axis=1, keepdims=True)
        logz = np.log(np.exp(out - top).sum(axis=1, keepdims=True))
        logp = out - top - logz
        penalty = reg * (np.sum(np.square(self.params["W1"])) + np.sum(np.square(self.params["W2"])))
        total = -np.sum(logp[rows, y]) / n + penalty
        g = np.exp(logp)
        g[rows, y] -= 1.0
        g = g / n
        g, dW2, db2 = layers[2].backward(g)
        g = layers[1].backward(g)
        _, dW1, db1 = layers[0].backward(g)
        grads = {"W1": dW1 + 2 * reg * self.params["W1"], "b1": db1,
                 "W2": dW2 + 2 * reg * self.params["W2"], "b2": db2}
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        every = max(n_train // batch_size, 1)
        record = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        rate = learning_rate
        for step in range(num_iters):
            pick = np.random.randint(0, n_train, batch_size)
            xb, yb = X[pick], y[pick]
            value, grads = self.loss(xb, y=yb, reg=reg)
            record["loss_history"].append(value)
            for key, g in grads.items():
                self.params[key] -= rate * g
            if verbose and step % 100 == 0:
                print("iteration %d / %d: loss %f" % (step, num_iters, value))
            if step % every == 0:
                record["train_acc_history"].append((self.predict(xb) == yb).mean())
                record["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                rate *= learning_rate_decay
        return record

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
