import numpy as np


def augment(A):
    return np.concatenate([A, np.ones((A.shape[0], 1))], axis=1)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def _blocks(self):
        p = self.params
        return np.vstack([p["W1"], p["b1"]]), np.vstack([p["W2"], p["b2"]])

    def loss(self, X, y=None, reg=0.0):
        A1, A2 = self._blocks()
        Xa = augment(X)
        z = Xa @ A1
        h = np.maximum(z, 0)
        ha = augment(h)
        scores = ha @ A2
        if y is None:
            return scores

        N = X.shape[0]
        W1, W2 = self.params["W1"], self.params["W2"]
        shift = scores - scores.max(axis=1, keepdims=True)
        logp = shift - np.log(np.exp(shift).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        g = np.exp(logp)
        g[np.arange(N), y] -= 1
        g /= N
        dA2 = ha.T @ g
        gz = (g @ A2[:-1].T) * (z > 0)
        dA1 = Xa.T @ gz
        return loss, {"W1": dA1[:-1] + 2 * reg * W1, "b1": dA1[-1],
                      "W2": dA2[:-1] + 2 * reg * W2, "b2": dA2[-1]}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.randint(0, num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in self.params:
                np.subtract(self.params[key], learning_rate * grads[key], out=self.params[key])
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
