import numpy as np


def batch_iterator(X, y, batch_size, num_iters):
    last = X.shape[0] - 1
    for _ in range(num_iters):
        idx = np.random.randint(0, last, size=batch_size)
        yield X[idx], y[idx]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        N = X.shape[0]
        a = X @ p["W1"] + p["b1"]
        h = np.maximum(a, 0)
        s = h @ p["W2"] + p["b2"]
        if y is None:
            return s
        s = s - s.max(axis=1, keepdims=True)
        lse = np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = float(np.mean(lse[:, 0] - s[np.arange(N), y]))
        loss += reg * float(np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
        ds = np.exp(s - lse)
        ds[np.arange(N), y] -= 1
        ds /= N
        da = (ds @ p["W2"].T) * (a > 0)
        return loss, {"W1": X.T @ da + 2 * reg * p["W1"], "b1": da.sum(axis=0),
                      "W2": h.T @ ds + 2 * reg * p["W2"], "b2": ds.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        iterations_per_epoch = max(X.shape[0] // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it, (X_batch, y_batch) in enumerate(batch_iterator(X, y, batch_size, num_iters)):
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
