import numpy as np


def linear_weight(fan_in, fan_out, std):
    return (std * np.random.randn(fan_out, fan_in)).T


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": linear_weight(input_size, hidden_size, std),
            "b1": np.zeros(hidden_size),
            "W2": linear_weight(hidden_size, output_size, std),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        z1 = X @ W1 + b1
        a1 = np.maximum(z1, 0)
        scores = a1 @ W2 + b2
        if y is None:
            return scores

        N = X.shape[0]
        zs = scores - scores.max(axis=1, keepdims=True)
        logp = zs - np.log(np.exp(zs).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        ds = np.exp(logp)
        ds[np.arange(N), y] -= 1
        ds /= N
        dz1 = (ds @ W2.T) * (z1 > 0)
        grads = {"W1": X.T @ dz1 + 2 * reg * W1, "b1": dz1.sum(axis=0),
                 "W2": a1.T @ ds + 2 * reg * W2, "b2": ds.sum(axis=0)}
        return loss, grads

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
