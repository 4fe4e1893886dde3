import numpy as np


class TwoLayerNet:
    """Works internally with column-major activations (features x batch)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        net.params.update((k, np.array(params[k], dtype=np.float64)) for k in ("W1", "b1", "W2", "b2"))
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        XT = X.T                                   # (D, N)
        ZT = W1.T @ XT + b1[:, None]               # (H, N)
        HT = np.maximum(ZT, 0)
        ST = W2.T @ HT + b2[:, None]               # (C, N)
        if y is None:
            return ST.T
        N = X.shape[0]
        ST = ST - ST.max(axis=0)
        LT = ST - np.log(np.exp(ST).sum(axis=0))
        cols = np.arange(N)
        loss = -LT[y, cols].sum() / N + reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))
        GT = np.exp(LT)
        GT[y, cols] -= 1
        GT /= N                                    # (C, N)
        dHT = W2 @ GT                              # (H, N)
        dZT = dHT * (ZT > 0)
        grads = {
            "W1": (dZT @ X).T + 2 * reg * W1,
            "b1": dZT.sum(axis=1),
            "W2": (GT @ HT.T).T + 2 * reg * W2,
            "b2": GT.sum(axis=1),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[idx], y=y[idx], reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X[idx]) == y[idx]))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
