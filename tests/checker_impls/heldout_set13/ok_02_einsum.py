import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = [("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))]
        self.params = {name: std * np.random.randn(*shape) for name, shape in shapes}
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = np.einsum("nd,dh->nh", X, W1) + b1
        act = np.clip(pre, 0.0, None)
        scores = np.einsum("nh,hc->nc", act, W2) + b2
        if y is None:
            return scores
        n, c = scores.shape
        target = np.eye(c)[y]
        centred = scores - scores.max(axis=1)[:, None]
        lse = np.log(np.einsum("nc->n", np.exp(centred)))
        picked = np.einsum("nc,nc->n", centred, target)
        data = np.mean(lse - picked)
        penalty = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))
        dscore = (np.exp(centred - lse[:, None]) - target) / n
        dact = np.einsum("nc,hc->nh", dscore, W2)
        dpre = dact * (pre > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, dpre) + 2.0 * reg * W1,
            "b1": np.einsum("nh->h", dpre),
            "W2": np.einsum("nh,nc->hc", act, dscore) + 2.0 * reg * W2,
            "b2": np.einsum("nc->c", dscore),
        }
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = len(y)
        ipe = N // batch_size or 1
        L, TA, VA = [], [], []
        lr = float(learning_rate)
        for t in range(num_iters):
            ix = np.random.choice(N, batch_size)
            value, g = self.loss(X[ix], y[ix], reg)
            L.append(value)
            for k in self.params:
                self.params[k] -= lr * g[k]
            if verbose and not t % 100:
                print("iteration", t, "/", num_iters, "loss", value)
            if not t % ipe:
                TA.append(np.mean(self.predict(X[ix]) == y[ix]))
                VA.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return {"loss_history": L, "train_acc_history": TA, "val_acc_history": VA}

    def predict(self, X):
        s = self.loss(X)
        return s.argmax(-1)
