import numpy as np


def one_hot(labels):
    labels = np.asarray(labels)
    return np.eye(labels.max() + 1)[labels]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        Z = X @ W1 + b1
        A = np.maximum(Z, 0.0)
        S = A @ W2 + b2
        if y is None:
            return S

        n = S.shape[0]
        Y = one_hot(y)
        S_shift = S - S.max(axis=1, keepdims=True)
        log_P = S_shift - np.log(np.exp(S_shift).sum(axis=1, keepdims=True))
        data_loss = -np.sum(Y * log_P) / n
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dS = (np.exp(log_P) - Y) / n
        dW2 = A.T @ dS + 2 * reg * W2
        db2 = dS.sum(axis=0)
        dZ = (dS @ W2.T) * (Z > 0)
        dW1 = X.T @ dZ + 2 * reg * W1
        db1 = dZ.sum(axis=0)
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch = X[rows]
            y_batch = y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in ("W1", "b1", "W2", "b2"):
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
