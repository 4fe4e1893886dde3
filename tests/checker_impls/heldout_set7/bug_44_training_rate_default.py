import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.D, self.H, self.C = input_size, hidden_size, output_size
        self.params = {
            "W1": std * np.random.randn(self.D, self.H),
            "b1": np.zeros(self.H),
            "W2": std * np.random.randn(self.H, self.C),
            "b2": np.zeros(self.C),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        Z = np.dot(X, p["W1"]) + p["b1"]
        A = np.maximum(Z, 0)
        S = np.dot(A, p["W2"]) + p["b2"]
        if y is None:
            return S
        n = S.shape[0]
        S_ = S - S.max(axis=1)[:, np.newaxis]
        E = np.exp(S_)
        Ssum = E.sum(axis=1)
        loss = (np.log(Ssum) - S_[np.arange(n), y]).mean()
        loss += reg * ((p["W1"] ** 2).sum() + (p["W2"] ** 2).sum())
        dS = E / Ssum[:, np.newaxis]
        dS[np.arange(n), y] -= 1
        dS /= n
        dZ = np.dot(dS, p["W2"].T) * (Z > 0)
        return loss, {"W1": np.dot(X.T, dZ) + 2 * reg * p["W1"], "b1": dZ.sum(axis=0),
                      "W2": np.dot(A.T, dS) + 2 * reg * p["W2"], "b2": dS.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-4, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
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
        return np.argmax(self.loss(X), axis=1)
