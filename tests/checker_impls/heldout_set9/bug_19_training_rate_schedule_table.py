import numpy as np


def lr_schedule(learning_rate, decay, num_iters, iterations_per_epoch):
    rates = np.empty(num_iters, dtype=np.float32)
    rate = learning_rate
    for it in range(num_iters):
        rates[it] = rate
        if it % iterations_per_epoch == 0:
            rate *= decay
    return rates


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(0, z1)
        scores = h1 @ p["W2"] + p["b2"]
        if y is None:
            return scores
        N = X.shape[0]
        rows = np.arange(N)
        shifted = scores - scores.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -logp[rows, y].mean() + reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
        d = np.exp(logp)
        d[rows, y] -= 1
        d /= N
        dz1 = (d @ p["W2"].T) * (z1 > 0)
        return loss, {
            "W1": X.T @ dz1 + 2 * reg * p["W1"],
            "b1": dz1.sum(axis=0),
            "W2": h1.T @ d + 2 * reg * p["W2"],
            "b2": d.sum(axis=0),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        rates = lr_schedule(learning_rate, learning_rate_decay, num_iters, iterations_per_epoch)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it, lr in enumerate(rates):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
