import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self.cache = {}

    def forward(self, X):
        p = self.params
        c = {"X": X}
        c["z1"] = X @ p["W1"] + p["b1"]
        c["h1"] = np.maximum(c["z1"], 0)
        c["scores"] = c["h1"] @ p["W2"] + p["b2"]
        self.cache = c
        return c["scores"]

    def backward(self, dscores, reg):
        p, c = self.params, self.cache
        dz1 = dscores @ p["W2"].T
        dz1[c["z1"] <= 0] = 0.0
        return {
            "W1": c["X"].T @ dz1 + 2 * reg * p["W1"],
            "b1": dz1.mean(axis=0),
            "W2": c["h1"].T @ dscores + 2 * reg * p["W2"],
            "b2": dscores.sum(axis=0),
        }

    def loss(self, X, y=None, reg=0.0):
        scores = self.forward(X)
        if y is None:
            return scores

        N = scores.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean()
        loss += reg * (np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2))

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        return loss, self.backward(dscores, reg)

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

            for k, g in grads.items():
                self.params[k] -= learning_rate * g

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.forward(X), axis=1)
