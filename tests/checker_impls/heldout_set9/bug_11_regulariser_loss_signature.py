import numpy as np

DEFAULT_REG = 5e-6


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        rand = np.random.randn
        self.params = {"W1": std * rand(input_size, hidden_size), "b1": np.zeros(hidden_size)}
        self.params["W2"] = std * rand(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=DEFAULT_REG):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h1 = z1.clip(min=0)
        scores = h1 @ p["W2"] + p["b2"]
        if y is None:
            return scores

        N = X.shape[0]
        r = np.arange(N)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_probs[r, y].mean()
        loss += reg * sum((p[w] ** 2).sum() for w in ("W1", "W2"))

        d = np.exp(log_probs)
        d[r, y] -= 1
        d /= N
        g = {"W2": h1.T @ d + 2 * reg * p["W2"], "b2": d.sum(0)}
        dz1 = (d @ p["W2"].T) * (z1 > 0)
        g["W1"] = X.T @ dz1 + 2 * reg * p["W1"]
        g["b1"] = dz1.sum(0)
        return loss, g

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=DEFAULT_REG, num_iters=100, batch_size=200, verbose=False):
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
        return self.loss(X).argmax(1)
