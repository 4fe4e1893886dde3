import numpy as np
from numpy.linalg import norm


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params["W1"]
        b1 = self.params["b1"]
        W2 = self.params["W2"]
        b2 = self.params["b2"]
        N = X.shape[0]

        Z1 = np.dot(X, W1) + b1
        A1 = np.maximum(Z1, 0)
        Z2 = np.dot(A1, W2) + b2
        if y is None:
            return Z2

        Zs = Z2 - np.amax(Z2, axis=1, keepdims=True)
        LP = Zs - np.log(np.sum(np.exp(Zs), axis=1, keepdims=True))
        data_loss = -np.sum(LP[np.arange(N), y]) / N
        reg_loss = reg * (norm(W1, 2) ** 2 + norm(W2, 2) ** 2)
        loss = data_loss + reg_loss

        dZ2 = np.exp(LP)
        dZ2[np.arange(N), y] -= 1.0
        dZ2 /= N
        dW2 = np.dot(A1.T, dZ2) + 2.0 * reg * W2
        db2 = np.sum(dZ2, axis=0)
        dA1 = np.dot(dZ2, W2.T)
        dZ1 = dA1 * (Z1 > 0)
        dW1 = np.dot(X.T, dZ1) + 2.0 * reg * W1
        db1 = np.sum(dZ1, axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            mb = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[mb], y[mb]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params["W1"] -= learning_rate * grads["W1"]
            self.params["b1"] -= learning_rate * grads["b1"]
            self.params["W2"] -= learning_rate * grads["W2"]
            self.params["b2"] -= learning_rate * grads["b2"]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
