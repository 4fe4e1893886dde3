import numpy as np


class TwoLayerNet:
    """Two-layer fully connected net: affine - relu - affine - softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params["W1"]
        b1 = self.params["b1"]
        W2 = self.params["W2"]
        b2 = self.params["b2"]
        num = X.shape[0]

        pre = np.dot(X, W1) + b1
        act = np.maximum(pre, 0)
        out = np.dot(act, W2) + b2
        if y is None:
            return out

        out_shift = out - np.max(out, axis=1, keepdims=True)
        logp = out_shift - np.log(np.sum(np.exp(out_shift), axis=1, keepdims=True))
        rows = np.arange(num)
        data = -np.sum(logp[rows, y]) / num
        penalty = reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        g_out = np.exp(logp)
        g_out[rows, y] -= 1
        g_out = g_out / num
        g_W2 = act.T.dot(g_out) + 2 * reg * W2
        g_b2 = np.sum(g_out, axis=0)
        g_act = g_out.dot(W2.T)
        g_pre = np.where(pre > 0, g_act, 0)
        g_W1 = X.T.dot(g_pre) + 2 * reg * W1
        g_b1 = np.sum(g_pre, axis=0)
        return data + penalty, {"W1": g_W1, "b1": g_b1, "W2": g_W2, "b2": g_b2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            sel = np.random.choice(n, batch_size)
            xb, yb = X[sel], y[sel]
            value, grads = self.loss(xb, y=yb, reg=reg)
            hist["loss_history"].append(value)
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= lr * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % per_epoch == 0:
                hist["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                hist["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return hist

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=1)
