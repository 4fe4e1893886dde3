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
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        a = np.einsum("nd,dh->nh", X, W1) + b1
        h = np.maximum(a, 0)
        s = np.einsum("nh,hc->nc", h, W2) + b2
        if y is None:
            return s

        n = s.shape[0]
        s0 = s - s.max(axis=-1, keepdims=True)
        lse = np.log(np.einsum("nc->n", np.exp(s0)))
        nll = lse - s0[np.arange(n), y]
        loss = nll.mean() + reg * (np.einsum("dh,dh->", W1, W1) + np.einsum("hc,hc->", W2, W2))

        g = np.exp(s0 - lse[:, None])
        g[np.arange(n), y] -= 1.0
        g /= n
        gW2 = np.einsum("nh,mc->hc", h, g) + 2 * reg * W2
        gb2 = np.einsum("nc->c", g)
        gh = np.einsum("nc,hc->nh", g, W2)
        ga = gh * (a > 0)
        gW1 = np.einsum("nd,nh->dh", X, ga) + 2 * reg * W1
        gb1 = np.einsum("nh->h", ga)
        return loss, {"W1": gW1, "b1": gb1, "W2": gW2, "b2": gb2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        def index_stream():
            while True:
                yield np.random.choice(num_train, batch_size)

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it, idx in zip(range(num_iters), index_stream()):
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
