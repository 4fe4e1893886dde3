import numpy as np


class TwoLayerNet:
    """Two-layer net with a hand-written backward pass (float64 throughout)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        P = self.params
        pre = X @ P["W1"] + P["b1"]
        hid = np.maximum(pre, 0.0)
        out = hid @ P["W2"] + P["b2"]
        return pre, hid, out

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        pre, hid, out = self._forward(X)
        if y is None:
            return out

        n = X.shape[0]
        rows = np.arange(n)
        m = out.max(axis=1, keepdims=True)
        e = np.exp(out - m)
        s = e.sum(axis=1, keepdims=True)
        p = e / s
        onehot = np.zeros_like(out)
        onehot[rows, y] = 1.0
        log_p = out - m - np.log(s)
        loss = -(onehot * log_p).mean() + reg * ((P["W1"] ** 2).sum() + (P["W2"] ** 2).sum())

        g = p.copy()
        g[rows, y] -= 1.0
        g /= out.size
        dW2 = hid.T @ g + 2.0 * reg * P["W2"]
        db2 = g.sum(axis=0)
        dhid = g @ P["W2"].T
        dhid[pre <= 0] = 0.0
        dW1 = X.T @ dhid + 2.0 * reg * P["W1"]
        db1 = dhid.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        losses, train_accs, val_accs = [], [], []

        it = 0
        while it < num_iters:
            pick = np.random.choice(n_train, batch_size)
            Xb = X[pick]
            yb = y[pick]

            cost, grads = self.loss(Xb, yb, reg)
            losses.append(cost)
            for key in ("W1", "b1", "W2", "b2"):
                self.params[key] -= learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, cost))

            if it % per_epoch == 0:
                train_accs.append(np.mean(self.predict(Xb) == yb))
                val_accs.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
            it += 1

        return {"loss_history": losses, "train_acc_history": train_accs, "val_acc_history": val_accs}

    def predict(self, X):
        _, _, out = self._forward(X)
        return np.argmax(out, axis=1)
