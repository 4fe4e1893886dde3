import numpy as np


class TwoLayerNet:
    """Uses np.logaddexp.reduce for the partition function and np.add.reduce for sums."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = np.random.randn(input_size, hidden_size)
        second = np.random.randn(hidden_size, output_size)
        self.params = {"W1": first * std, "b1": 0.0 * np.ones(hidden_size),
                       "W2": second * std, "b2": np.full(output_size, 0.0)}

    @classmethod
    def from_params(cls, params):
        inst = cls.__new__(cls)
        inst.params = {k: np.array(params[k], np.float64) for k in ("W1", "b1", "W2", "b2")}
        return inst

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        a1 = np.matmul(X, W1) + b1
        o1 = np.fmax(a1, 0.0)
        sc = np.matmul(o1, W2) + b2
        if y is None:
            return sc
        batch = sc.shape[0]
        lz = np.logaddexp.reduce(sc, axis=1)
        nll = lz - sc[np.arange(batch), y]
        loss = np.add.reduce(nll) / batch + reg * (np.add.reduce(W1.ravel() ** 2) + np.add.reduce(W2.ravel() ** 2))
        dsc = np.exp(sc - lz[:, None])
        dsc[np.arange(batch), y] -= 1
        dsc *= 1.0 / batch
        do1 = np.matmul(dsc, W2.T)
        da1 = np.where(a1 > 0, do1, 0)
        return loss, {"W1": np.matmul(X.T, da1) + 2 * reg * W1,
                      "b1": np.add.reduce(da1, axis=0),
                      "W2": np.matmul(o1.T, dsc) + 2 * reg * W2,
                      "b2": np.add.reduce(dsc, axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        count = X.shape[0]
        epoch_every = max(count // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for step in range(num_iters):
            chosen = np.random.choice(count, batch_size)
            xs, ys = X.take(chosen, axis=0), y.take(chosen)
            value, grads = self.loss(xs, ys, reg)
            loss_history.append(value)
            for key, arr in self.params.items():
                arr -= learning_rate * grads[key]
            if verbose and step % 100 == 0:
                print("iteration %d / %d: loss %f" % (step, num_iters, value))
            if step % epoch_every:
                continue
            train_acc_history.append((self.predict(xs) == ys).mean())
            val_acc_history.append((self.predict(X_val) == y_val).mean())
            learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
