import numpy as np


class Affine:
    def __init__(self, net, w, b):
        self.net, self.w, self.b = net, w, b

    def __call__(self, x):
        return x @ self.net.params[self.w] + self.net.params[self.b]


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
        fc1, fc2 = Affine(self, "W1", "b1"), Affine(self, "W2", "b2")
        a = fc1(X)
        h = np.maximum(a, 0)
        s = fc2(h)
        if y is None:
            return s
        W1, W2 = self.params["W1"], self.params["W2"]
        n = X.shape[0]
        s = s - s.max(axis=1, keepdims=True)
        lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -lp[np.arange(n), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        g = np.exp(lp)
        g[np.arange(n), y] -= 1
        g /= n
        ga = (g @ W2.T) * (a > 0)
        return loss, {"W1": X.T @ ga + 2 * reg * W1, "b1": ga.sum(axis=0),
                      "W2": h.T @ g + 2 * reg * W2, "b2": g.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            new_epoch = it % iterations_per_epoch == 0
            if new_epoch:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())

            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if new_epoch:
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
