import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
        self.params["W1"] = np.random.randn(input_size, hidden_size) * std
        self.params["b1"] = np.zeros((hidden_size,))
        self.params["W2"] = np.random.randn(hidden_size, output_size) * std
        self.params["b2"] = np.zeros((output_size,))

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = {name: np.asarray(params[name], dtype=np.float64).copy()
                      for name in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        num = X.shape[0]
        num_classes = W2.shape[1]

        z = X @ W1 + b1
        mask = z > 0
        a = z * mask
        f = a @ W2 + b2
        if y is None:
            return f

        f_max = f.max(axis=1, keepdims=True)
        lse = f_max + np.log(np.exp(f - f_max).sum(axis=1, keepdims=True))
        onehot = np.zeros((num, num_classes))
        onehot[np.arange(num), y] = 1.0
        data_loss = np.sum(onehot * (lse - f)) / num
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        total = data_loss + reg_loss

        p = np.exp(f - lse)
        df = (p - onehot) / num
        dW2 = a.T @ df + 2 * reg * W2
        db2 = df.sum(axis=0)
        da = df @ W2.T
        dz = da * mask
        dW1 = X.T @ dz + 2 * reg * W1
        db1 = dz.sum(axis=0)
        return total, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        rate = learning_rate

        it = 0
        while it < num_iters:
            picks = np.random.choice(n_train, batch_size, replace=False)
            Xb = X[picks]
            yb = y[picks]

            cost, g = self.loss(Xb, y=yb, reg=reg)
            history["loss_history"].append(cost)

            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] = self.params[name] - rate * g[name]

            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {cost:f}")

            if it % per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                rate = rate * learning_rate_decay
            it += 1

        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
