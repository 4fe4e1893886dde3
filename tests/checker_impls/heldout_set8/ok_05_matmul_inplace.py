import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        rng = np.random
        self.params = {}
        for key, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            self.params[key] = rng.randn(*shape) * std
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        z = X @ P["W1"]
        z += P["b1"]
        a = np.maximum(z, 0)
        s = a @ P["W2"]
        s += P["b2"]
        if y is None:
            return s

        n = s.shape[0]
        y = np.asarray(y)
        shifted = s - s.max(axis=1, keepdims=True)
        p = np.exp(shifted)
        norm = p.sum(axis=1, keepdims=True)
        p /= norm
        correct = np.take_along_axis(shifted, y[:, None], axis=1)[:, 0]
        loss = np.mean(np.log(norm[:, 0]) - correct)
        loss += reg * (np.vdot(P["W1"], P["W1"]) + np.vdot(P["W2"], P["W2"]))

        d = p
        d[np.arange(n), y] -= 1
        d /= n
        g = {"b2": d.sum(0), "W2": a.T @ d}
        g["W2"] += 2 * reg * P["W2"]
        da = d @ P["W2"].T
        da *= z > 0
        g["b1"] = da.sum(0)
        g["W1"] = X.T @ da
        g["W1"] += 2 * reg * P["W1"]
        return loss, {k: g[k] for k in ("W1", "b1", "W2", "b2")}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        hist = ([], [], [])
        for it in range(num_iters):
            ix = np.random.randint(n, size=batch_size)
            Xb, yb = X[ix], y[ix]
            cost, g = self.loss(Xb, y=yb, reg=reg)
            hist[0].append(cost)
            for k in g:
                g[k] *= learning_rate
                self.params[k] -= g[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, cost))
            if it % ipe == 0:
                hist[1].append((self.predict(Xb) == yb).mean())
                hist[2].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return dict(zip(("loss_history", "train_acc_history", "val_acc_history"), hist))

    def predict(self, X):
        return self.loss(X).argmax(1)
