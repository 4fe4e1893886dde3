import numpy as np


def augment(A):
    """Append a column of ones so the bias becomes the last weight row."""
    out = np.ones((A.shape[0], A.shape[1] + 1))
    out[:, :-1] = A
    return out


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    def _stacked(self):
        P = self.params
        return np.vstack([P["W1"], P["b1"]]), np.vstack([P["W2"], P["b2"]])

    def loss(self, X, y=None, reg=0.0):
        T1, T2 = self._stacked()
        Xa = augment(X)
        z = Xa @ T1
        ha = augment(np.maximum(z, 0))
        scores = ha @ T2
        if y is None:
            return scores

        N = Xa.shape[0]
        pick = (np.arange(N), y)
        s = scores - scores.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        W1, W2 = T1[:-1], T2[:-1]
        loss = -logp[pick].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        g = np.exp(logp)
        g[pick] -= 1
        g /= N
        gT2 = ha.T @ g
        gz = (g @ W2.T) * (z > 0)
        gT1 = Xa.T @ gz
        return loss, {
            "W1": gT1[:-1] + 2 * reg * W1,
            "b1": gT1[-1].copy(),
            "W2": gT2[:-1] + 2 * reg * W2,
            "b2": gT2[-1].copy(),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k, g in grads.items():
                self.params[k] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
