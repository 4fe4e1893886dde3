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
        N = X.shape[0]

        net1 = X.dot(W1) + b1
        out1 = np.maximum(net1, 0)
        net2 = out1.dot(W2) + b2
        if y is None:
            return net2

        shifted = net2 - net2.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].sum() / N + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        delta2 = np.exp(logp)
        delta2[np.arange(N), y] -= 1
        delta2 /= N
        delta1 = delta2.dot(W2.T) * (net1 > 0)
        grads = {
            "W2": out1.T.dot(delta2) + 2 * reg * W2,
            "b2": delta2.sum(axis=0),
            "W1": X.T.dot(delta1) + 2 * reg * W1,
            "b1": delta1.sum(axis=0),
        }
        return loss, grads

    def _batches(self, num_train, batch_size, num_iters):
        for _ in range(num_iters):
            yield np.random.randint(0, num_train - 1, size=batch_size)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it, idx in enumerate(self._batches(num_train, batch_size, num_iters)):
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

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
