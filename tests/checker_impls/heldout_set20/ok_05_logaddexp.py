import numpy as np

_KEYS = ["W1", "b1", "W2", "b2"]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        dims = [input_size, hidden_size, output_size]
        self.params = {}
        for layer in (1, 2):
            fan_in, fan_out = dims[layer - 1], dims[layer]
            self.params["W%d" % layer] = std * np.random.randn(fan_in, fan_out)
            self.params["b%d" % layer] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in _KEYS}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = map(self.params.get, _KEYS)
        z1 = X @ W1 + b1
        h1 = z1.clip(min=0)
        s = h1 @ W2 + b2
        if y is None:
            return s

        n = X.shape[0]
        r = np.arange(n)
        lse = np.logaddexp.reduce(s - s.max(axis=1, keepdims=True), axis=1) + s.max(axis=1)
        data_loss = np.sum(lse - s[r, y]) / n
        reg_loss = reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        ds = np.exp(s - lse[:, None])
        ds[r, y] -= 1
        ds /= n
        dz1 = (ds @ W2.T) * (z1 > 0)
        grads = {}
        grads["W1"] = X.T @ dz1 + 2 * reg * W1
        grads["b1"] = dz1.sum(0)
        grads["W2"] = h1.T @ ds + 2 * reg * W2
        grads["b2"] = ds.sum(0)
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        ipe = max(N // batch_size, 1)
        rec = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        step = float(learning_rate)
        next_epoch = 0
        for it in range(num_iters):
            sel = np.random.choice(N, batch_size)
            loss, grads = self.loss(X[sel], y=y[sel], reg=reg)
            rec["loss_history"].append(loss)
            for k in _KEYS:
                self.params[k] -= step * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it == next_epoch:
                next_epoch += ipe
                rec["train_acc_history"].append(np.mean(self.predict(X[sel]) == y[sel]))
                rec["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                step *= learning_rate_decay
        return rec

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
