import numpy as np


class TwoLayerNet:
    """Stores a cache list during the forward pass and walks it backwards."""

    _names = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        dims = [input_size, hidden_size, output_size]
        for layer in (1, 2):
            self.params["W%d" % layer] = std * np.random.randn(dims[layer - 1], dims[layer])
            self.params["b%d" % layer] = np.zeros(dims[layer])

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {n: np.array(params[n], dtype=np.float64) for n in cls._names}
        return net

    def _layers(self):
        return [(self.params["W1"], self.params["b1"], True), (self.params["W2"], self.params["b2"], False)]

    def loss(self, X, y=None, reg=0.0):
        cache = []
        out = X
        for W, b, relu in self._layers():
            inp = out
            out = inp.dot(W) + b
            pre = out
            if relu:
                out = np.maximum(out, 0)
            cache.append((inp, pre, relu))
        if y is None:
            return out
        N = out.shape[0]
        shifted = out - np.max(out, axis=1)[:, np.newaxis]
        logp = shifted - np.log(np.sum(np.exp(shifted), axis=1))[:, np.newaxis]
        loss = -np.mean(logp[range(N), y]) + reg * sum(np.sum(W * W) for W, _, _ in self._layers())
        d = np.exp(logp)
        d[range(N), y] -= 1
        d /= N
        grads = {}
        for layer in (2, 1):
            inp, pre, relu = cache[layer - 1]
            if relu:
                d = d * (pre > 0)
            W = self.params["W%d" % layer]
            grads["W%d" % layer] = inp.T.dot(d) + 2 * reg * W
            grads["b%d" % layer] = d.sum(axis=0)
            d = d.dot(W.T)
        return loss, {n: grads[n] for n in self._names}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        record = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch = X[rows, :]
            y_batch = y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            record["loss_history"].append(loss)
            for n in self._names:
                self.params[n] -= learning_rate * grads[n]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                record["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                record["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return record

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
