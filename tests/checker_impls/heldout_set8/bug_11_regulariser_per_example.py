import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        m = X.shape[0]

        Z1 = X @ W1 + b1
        A1 = np.maximum(Z1, 0)
        Z2 = A1 @ W2 + b2
        if y is None:
            return Z2

        Z2s = Z2 - Z2.max(axis=1, keepdims=True)
        log_A2 = Z2s - np.log(np.exp(Z2s).sum(axis=1, keepdims=True))
        cost = -np.sum(log_A2[np.arange(m), y])
        cost += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        cost /= m

        dZ2 = np.exp(log_A2)
        dZ2[np.arange(m), y] -= 1
        dW2 = A1.T @ dZ2 + 2 * reg * W2
        db2 = dZ2.sum(axis=0)
        dA1 = dZ2 @ W2.T
        dZ1 = dA1 * (Z1 > 0)
        dW1 = X.T @ dZ1 + 2 * reg * W1
        db1 = dZ1.sum(axis=0)
        grads = {"W1": dW1 / m, "b1": db1 / m, "W2": dW2 / m, "b2": db2 / m}
        return cost, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sel], y[sel]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for p in self.params:
                self.params[p] -= learning_rate * grads[p]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return (self.loss(X)).argmax(axis=1)
