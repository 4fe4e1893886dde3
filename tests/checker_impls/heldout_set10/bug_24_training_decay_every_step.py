import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[n] for n in ("W1", "b1", "W2", "b2"))
        a = np.dot(X, W1) + b1
        r = np.maximum(0.0, a)
        f = np.dot(r, W2) + b2
        if y is None:
            return f

        m = f.shape[0]
        g = f - np.max(f, axis=1, keepdims=True)
        lsm = g - np.log(np.sum(np.exp(g), axis=1, keepdims=True))
        loss = -np.sum(lsm[np.arange(m), y]) / m + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        df = np.exp(lsm)
        df[np.arange(m), y] -= 1.0
        df /= m
        dr = np.dot(df, W2.T)
        da = np.where(a > 0, dr, 0.0)
        grads = {
            "W1": np.dot(X.T, da) + 2 * reg * W1,
            "b1": np.sum(da, axis=0),
            "W2": np.dot(r.T, df) + 2 * reg * W2,
            "b2": np.sum(df, axis=0),
        }
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
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            learning_rate *= learning_rate_decay

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
