import numpy as np


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

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        u = np.einsum("nd,dh->nh", X, W1) + b1
        v = np.maximum(u, 0)
        s = np.einsum("nh,hc->nc", v, W2) + b2
        if y is None:
            return s

        n = s.shape[0]
        s0 = s - np.max(s, axis=1, keepdims=True)
        logp = s0 - np.log(np.einsum("nc->n", np.exp(s0)))[:, None]
        onehot = np.zeros_like(s)
        onehot[np.arange(n), y] = 1.0
        data = -np.einsum("nc,nc->", onehot, logp) / n
        penalty = reg * (np.einsum("dh,dh->", W1, W1) + np.einsum("hc,hc->", W2, W2))

        ds = (np.exp(logp) - onehot) / n
        dW2 = np.einsum("nh,nc->hc", v, ds) + 2 * reg * W2
        db2 = np.einsum("nc->c", ds)
        dv = np.einsum("nc,hc->nh", ds, W2)
        du = dv * (u > 0)
        dW1 = np.einsum("nd,mh->dh", X, du) + 2 * reg * W1
        db1 = np.einsum("nh->h", du)
        return data + penalty, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            Xb, yb = X[sel], y[sel]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k, g in grads.items():
                self.params[k] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
