import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _hidden(self, X):
        z1 = X @ self.params["W1"] + self.params["b1"]
        return z1, np.maximum(z1, 0)

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1, a1 = self._hidden(X)
        out = a1 @ p["W2"] + p["b2"]
        if y is None:
            return out

        n = out.shape[0]
        out_shift = out - out.max(axis=1, keepdims=True)
        logp = out_shift - np.log(np.exp(out_shift).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(n), y].mean() + reg * ((p["W1"] ** 2).sum() + (p["W2"] ** 2).sum())

        dout = np.exp(logp)
        dout[np.arange(n), y] -= 1
        dout /= n
        dz1 = (dout @ p["W2"].T) * (z1 > 0)
        grads = {
            "W1": X.T @ dz1 + 2 * reg * p["W1"],
            "b1": dz1.sum(axis=0),
            "W2": a1.T @ dout + 2 * reg * p["W2"],
            "b2": dout.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        if not hasattr(self, "lr"):
            self.lr = learning_rate

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
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
