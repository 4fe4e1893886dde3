import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        a = np.einsum("nd,dh->nh", X, W1) + b1
        h = np.maximum(a, 0)
        s = np.einsum("nh,hc->nc", h, W2) + b2
        if y is None:
            return s
        n, c = s.shape
        t = np.eye(c)[y]
        m = s.max(axis=1, keepdims=True)
        logz = m + np.log(np.einsum("nc->n", np.exp(s - m)))[:, None]
        logp = s - logz
        loss = -np.einsum("nc,nc->", t, logp) / n
        loss += reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))
        g = (np.exp(logp) - t) / n
        dh = np.einsum("nc,hc->nh", g, W2) * (a > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, dh) + 2 * reg * W1,
            "b1": np.einsum("nh->h", dh),
            "W2": np.einsum("nh,nc->hc", h, g) + 2 * reg * W2,
            "b2": np.einsum("nc->c", g),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = len(X)
        epoch_len = max(n // batch_size, 1)
        losses, train_acc, val_acc = [], [], []
        lr = learning_rate
        for it in range(num_iters):
            sel = np.random.randint(0, n, size=batch_size)
            Xb, yb = X[sel], y[sel]
            loss, grads = self.loss(Xb, yb, reg)
            losses.append(loss)
            for k in self.params:
                p = self.params[k]
                p[...] = p - lr * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if not it % epoch_len:
                train_acc.append(np.mean(self.predict(Xb) == yb))
                val_acc.append(np.mean(self.predict(X_val) == y_val))
                lr = lr * learning_rate_decay
        return {"loss_history": losses, "train_acc_history": train_acc, "val_acc_history": val_acc}

    def predict(self, X):
        return np.argmax(self.loss(X), 1)
