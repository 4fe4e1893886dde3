import numpy as np


class TwoLayerNet(object):
    """Two-layer net written with einsum; parameters are rebound (not mutated) on update."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = [("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))]
        self.params = {}
        for name, shape in shapes:
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        z = np.einsum("nd,dh->nh", X, W1) + b1
        a = np.where(z > 0, z, 0.0)
        s = np.einsum("nh,hc->nc", a, W2) + b2
        if y is None:
            return s

        n = X.shape[0]
        rows = np.arange(n)
        top = s.max(axis=1)
        lse = top + np.log(np.einsum("nc->n", np.exp(s - top[:, None])))
        loss = np.mean(lse - s[rows, y]) + reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        g = np.exp(s - lse[:, None])
        g[rows, y] -= 1.0
        g /= n
        ga = np.einsum("nc,hc->nh", g, W2)
        gz = np.where(z > 0, ga, 0.0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, gz) + 2 * reg * W1,
            "b1": np.einsum("nh->h", gz),
            "W2": np.einsum("nh,nc->hc", a, g) + 2 * reg * W2,
            "b2": np.einsum("nc->c", g),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        losses, train_accs, val_accs = [], [], []

        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            Xb, yb = X[sel], y[sel]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            losses.append(loss)
            for k in list(self.params):
                self.params[k] = self.params[k] - learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_accs.append(np.mean(self.predict(Xb) == yb))
                val_accs.append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay

        return {"loss_history": losses, "train_acc_history": train_accs, "val_acc_history": val_accs}

    def predict(self, X):
        return self.loss(X).argmax(1)
