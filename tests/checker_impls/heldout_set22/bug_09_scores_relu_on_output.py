"""A generic stack of (affine, relu) blocks, used here with two of them."""
import numpy as np

LAYERS = (("W1", "b1"), ("W2", "b2"))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        caches = []
        a = X
        for wk, bk in LAYERS:
            z = a.dot(self.params[wk]) + self.params[bk]
            caches.append((a, z))
            a = np.maximum(z, 0)
        return a, caches

    def loss(self, X, y=None, reg=0.0):
        scores, caches = self._forward(X)
        if y is None:
            return scores

        n = X.shape[0]
        s = scores - scores.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        loss = -np.log(p[np.arange(n), y]).mean()
        loss += reg * sum(np.sum(self.params[wk] ** 2) for wk, _ in LAYERS)

        grads = {}
        da = p
        da[np.arange(n), y] -= 1
        da /= n
        for (wk, bk), (a_in, z) in zip(reversed(LAYERS), reversed(caches)):
            dz = da * (z > 0)
            grads[wk] = a_in.T.dot(dz) + 2 * reg * self.params[wk]
            grads[bk] = dz.sum(axis=0)
            da = dz.dot(self.params[wk].T)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
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
