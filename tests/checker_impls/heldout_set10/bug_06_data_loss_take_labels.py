import numpy as np


def log_softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def relu(z):
    return np.maximum(z, 0)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {"W1": (input_size, hidden_size), "W2": (hidden_size, output_size)}
        self.params = {}
        for name in ("W1", "W2"):
            self.params[name] = std * np.random.randn(*shapes[name])
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        z = X @ W1 + b1
        h = relu(z)
        s = h @ W2 + b2
        if y is None:
            return s

        n, c = s.shape
        logp = log_softmax(s)
        data_loss = -np.take(logp, y).mean()
        penalty = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        target = np.eye(c)[y]
        ds = (np.exp(logp) - target) / n
        dh = ds @ W2.T
        dz = dh * (z > 0)
        grads = {
            "W1": X.T @ dz + 2 * reg * W1,
            "b1": dz.sum(axis=0),
            "W2": h.T @ ds + 2 * reg * W2,
            "b2": ds.sum(axis=0),
        }
        return data_loss + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        lr = learning_rate
        for it in range(num_iters):
            pick = np.random.choice(num_train, batch_size)
            xb, yb = X[pick], y[pick]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k, g in grads.items():
                self.params[k] -= lr * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
