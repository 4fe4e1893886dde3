import numpy as np


def with_ones(A):
    return np.hstack([A, np.ones((A.shape[0], 1))])


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

    def _stacked(self):
        p = self.params
        return np.vstack([p["W1"], p["b1"]]), np.vstack([p["W2"], p["b2"]])

    def loss(self, X, y=None, reg=0.0):
        V1, V2 = self._stacked()
        Xa = with_ones(X)
        u = Xa @ V1
        r = np.maximum(u, 0)
        ra = with_ones(r)
        f = ra @ V2
        if y is None:
            return f
        n = len(y)
        f0 = f - f.max(axis=1, keepdims=True)
        lp = f0 - np.log(np.exp(f0).sum(axis=1, keepdims=True))
        W1, W2 = self.params["W1"], self.params["W2"]
        J = -lp[np.arange(n), y].sum() / n + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())
        df = np.exp(lp)
        df[np.arange(n), y] -= 1
        df /= n
        dV2 = ra.T @ df
        du = (df @ V2[:-1].T) * (u > 0)
        dV1 = Xa.T @ du
        grads = {"W1": dV1[:-1] + 2 * reg * W1, "b1": dV1[-1],
                 "W2": dV2[:-1] + 2 * reg * W2, "b2": dV2[-1]}
        return J, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        k = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        it = 0
        while it < num_iters:
            rows = np.random.choice(num_train, batch_size)
            J, grads = self.loss(X[rows], y[rows], reg=reg)
            history["loss_history"].append(J)
            for name in list(self.params):
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, J))
            if it % k == 0:
                history["train_acc_history"].append((self.predict(X[rows]) == y[rows]).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
            it += 1
        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
