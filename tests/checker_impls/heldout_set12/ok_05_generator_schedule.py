import itertools

import numpy as np


def _rates(start, factor, period):
    rate = start
    for it in itertools.count():
        yield it, rate
        if it % period == 0:
            rate = rate * factor


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = (input_size, hidden_size, output_size)
        self.params = {}
        for layer, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params["W%d" % layer] = std * np.random.randn(fan_in, fan_out)
            self.params["b%d" % layer] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = np.add(np.dot(X, p["W1"]), p["b1"])
        h1 = z1.clip(min=0)
        scores = np.add(np.dot(h1, p["W2"]), p["b2"])
        if y is None:
            return scores
        n = scores.shape[0]
        pick = (np.arange(n), np.asarray(y))
        m = np.amax(scores, axis=1)
        e = np.exp(scores - m[:, None])
        denom = e.sum(axis=1)
        log_probs = (scores - m[:, None]) - np.log(denom)[:, None]
        value = -log_probs[pick].mean() + reg * sum(float((p[k] ** 2).sum()) for k in ("W1", "W2"))
        ds = np.exp(log_probs)
        ds[pick] -= 1
        ds /= n
        dh = ds.dot(p["W2"].T)
        dz = dh * (z1 > 0)
        grads = {"W2": h1.T.dot(ds), "b2": ds.sum(0), "W1": X.T.dot(dz), "b1": dz.sum(0)}
        for k in ("W1", "W2"):
            grads[k] += 2 * reg * p[k]
        return value, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = len(X)
        period = max(n // batch_size, 1)
        res = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it, rate in itertools.islice(_rates(learning_rate, learning_rate_decay, period), num_iters):
            b = np.random.choice(n, batch_size)
            val, g = self.loss(X[b], y[b], reg)
            res["loss_history"].append(val)
            for k in self.params:
                self.params[k] -= rate * g[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, val))
            if it % period == 0:
                res["train_acc_history"].append(np.mean(self.predict(X[b]) == y[b]))
                res["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
        return res

    def predict(self, X):
        return np.argmax(self.loss(X), 1)
