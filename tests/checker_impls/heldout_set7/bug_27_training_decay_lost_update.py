import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        Z1 = X.dot(W1) + b1
        A1 = np.maximum(0, Z1)
        Z2 = A1.dot(W2) + b2
        if y is None:
            return Z2
        Z2s = Z2 - Z2.max(axis=1, keepdims=True)
        P = np.exp(Z2s)
        Zsum = P.sum(axis=1, keepdims=True)
        P /= Zsum
        loss = np.mean(np.log(Zsum[:, 0]) - Z2s[np.arange(N), y])
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dZ2 = P
        dZ2[np.arange(N), y] -= 1
        dZ2 /= N
        dA1 = dZ2.dot(W2.T)
        dZ1 = dA1 * (Z1 > 0)
        return loss, {"W1": X.T.dot(dZ1) + 2 * reg * W1, "b1": dZ1.sum(axis=0),
                      "W2": A1.T.dot(dZ2) + 2 * reg * W2, "b2": dZ2.sum(axis=0)}

    def _sgd_step(self, grads, lr):
        for name, value in self.params.items():
            value -= lr * grads[name]

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            self._sgd_step(grads, lr)
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
