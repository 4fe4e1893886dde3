import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = (input_size, hidden_size, output_size)
        weights = [std * np.random.randn(a, b) for a, b in zip(sizes[:-1], sizes[1:])]
        self.params = {}
        for i, W in enumerate(weights, start=1):
            self.params["W%d" % i] = W
            self.params["b%d" % i] = np.zeros(W.shape[1])

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: params[k].astype(np.float64, copy=True) if hasattr(params[k], "astype")
                      else np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z = X.dot(p["W1"]) + p["b1"]
        mask = z > 0
        h = z * mask
        s = h.dot(p["W2"]) + p["b2"]
        if y is None:
            return s
        N, C = s.shape
        Y = np.eye(C)[y]
        s0 = s - s.max(axis=1, keepdims=True)
        logZ = np.log(np.exp(s0).sum(axis=1, keepdims=True))
        logp = s0 - logZ
        data_loss = -(Y * logp).sum() / N
        reg_loss = reg * sum((p[k] ** 2).sum() for k in ("W1", "W2"))
        ds = (np.exp(logp) - Y) / N
        dh = ds.dot(p["W2"].T)
        dz = dh * mask
        grads = {"W1": X.T.dot(dz) + reg * 2 * p["W1"], "b1": dz.sum(axis=0),
                 "W2": h.T.dot(ds) + reg * 2 * p["W2"], "b2": ds.sum(axis=0)}
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sel], y[sel]
            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            stats["loss_history"].append(loss)
            self.params["W1"] -= lr * grads["W1"]
            self.params["W2"] -= lr * grads["W2"]
            self.params["b2"] -= lr * grads["b2"]
            self.params["b1"] -= lr * grads["b1"]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if divmod(it, per_epoch)[1] == 0:
                stats["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
        return stats

    def predict(self, X):
        scores = self.loss(X)
        return np.apply_along_axis(np.argmax, 1, scores)
