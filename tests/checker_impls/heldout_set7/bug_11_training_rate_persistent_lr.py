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
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        z1 = X.dot(W1) + b1
        a1 = np.maximum(z1, 0)
        z2 = a1.dot(W2) + b2
        if y is None:
            return z2

        N = X.shape[0]
        r = np.arange(N)
        z = z2 - z2.max(axis=1, keepdims=True)
        p = np.exp(z)
        tot = p.sum(axis=1, keepdims=True)
        p /= tot
        data = (np.log(tot[:, 0]) - z[r, y]).sum() / N
        loss = data + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        d2 = p
        d2[r, y] -= 1
        d2 /= N
        d1 = d2.dot(W2.T)
        d1 *= z1 > 0
        grads = {
            "W1": X.T.dot(d1) + 2 * reg * W1,
            "b1": d1.sum(axis=0),
            "W2": a1.T.dot(d2) + 2 * reg * W2,
            "b2": d2.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        if not hasattr(self, "lr"):
            self.lr = learning_rate
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch_idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch_idx], y[batch_idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= self.lr * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                self.lr *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
