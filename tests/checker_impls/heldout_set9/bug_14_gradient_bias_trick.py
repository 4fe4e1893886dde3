import numpy as np


def with_ones(A):
    return np.hstack([np.ones((A.shape[0], 1)), A])


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _stacked(self):
        p = self.params
        V1 = np.vstack([p["b1"][None, :], p["W1"]])
        V2 = np.vstack([p["b2"][None, :], p["W2"]])
        return V1, V2

    def loss(self, X, y=None, reg=0.0):
        V1, V2 = self._stacked()
        Xa = with_ones(X)
        z = Xa @ V1
        h = np.maximum(z, 0)
        ha = with_ones(h)
        scores = ha @ V2
        if y is None:
            return scores

        N = X.shape[0]
        W1, W2 = self.params["W1"], self.params["W2"]
        s = scores - scores.max(axis=1, keepdims=True)
        lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -lp[np.arange(N), y].mean() + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        ds = np.exp(lp)
        ds[np.arange(N), y] -= 1
        ds /= N
        dV2 = ha.T @ ds
        dh = ds @ V2[1:].T
        dz = dh * (z > 0)
        dV1 = Xa.T @ dz
        grads = {
            "W1": dV1[1:] + 2 * reg * W1,
            "b1": dV1[-1],
            "W2": dV2[1:] + 2 * reg * W2,
            "b2": dV2[0],
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
