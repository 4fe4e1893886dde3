import numpy as np

TRAINABLE = ("W1", "b1", "W2")


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def scores(self, X):
        hidden = np.maximum(0, X @ self.params["W1"] + self.params["b1"])
        return hidden @ self.params["W2"] + self.params["b2"]

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return self.scores(X)
        W1, b1, W2, b2 = [self.params[k] for k in ("W1", "b1", "W2", "b2")]
        N = X.shape[0]
        a = X @ W1 + b1
        h = np.maximum(0, a)
        f = h @ W2 + b2
        f = f - f.max(axis=1, keepdims=True)
        lse = np.log(np.exp(f).sum(axis=1))
        loss = np.mean(lse - f[np.arange(N), y])
        loss = loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        df = np.exp(f - lse[:, None])
        df[np.arange(N), y] -= 1
        df /= N
        dh = df @ W2.T
        da = dh * (a > 0)
        grads = {"W1": X.T @ da + 2 * reg * W1, "b1": da.sum(0),
                 "W2": h.T @ df + 2 * reg * W2, "b2": df.sum(0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in TRAINABLE:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return self.scores(X).argmax(axis=1)
