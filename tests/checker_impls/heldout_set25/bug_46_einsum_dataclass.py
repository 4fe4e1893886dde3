from dataclasses import dataclass, field

import numpy as np


@dataclass
class ForwardCache:
    X: np.ndarray
    pre: np.ndarray
    hid: np.ndarray
    scores: np.ndarray


@dataclass
class History:
    loss_history: list = field(default_factory=list)
    train_acc_history: list = field(default_factory=list)
    val_acc_history: list = field(default_factory=list)

    def as_dict(self):
        return {
            "loss_history": self.loss_history,
            "train_acc_history": self.train_acc_history,
            "val_acc_history": self.val_acc_history,
        }


class TwoLayerNet:
    """Two-layer ReLU net written with einsum contractions.

    Index letters: n = example, d = input feature, h = hidden unit, c = class.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        w1 = np.random.randn(D, H) * std
        w2 = np.random.randn(H, C) * std
        self.params = {"W1": w1, "b1": np.zeros(H), "W2": w2, "b2": np.zeros(C)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        P = self.params
        pre = np.einsum("nd,dh->nh", X, P["W1"]) + P["b1"]
        hid = np.where(pre > 0, pre, 0.0)
        scores = np.einsum("nh,hc->nc", hid, P["W2"]) + P["b2"]
        return ForwardCache(X=X, pre=pre, hid=hid, scores=scores)

    def loss(self, X, y=None, reg=0.0):
        c = self._forward(X)
        if y is None:
            return c.scores

        P = self.params
        N = c.scores.shape[0]
        rows = np.arange(N)

        m = c.scores.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(c.scores - m).sum(axis=1, keepdims=True))
        logp = c.scores - lse
        data_loss = -logp[rows, y].mean()
        reg_loss = reg * sum(np.sum(P[k] * P[k]) for k in ("W1", "b1", "W2", "b2"))

        d_scores = np.exp(logp)
        d_scores[rows, y] -= 1.0
        d_scores /= N

        d_hid = np.einsum("nc,hc->nh", d_scores, P["W2"])
        d_pre = d_hid * (c.pre > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", c.X, d_pre) + 2.0 * reg * P["W1"],
            "b1": d_pre.sum(axis=0) + 2.0 * reg * P["b1"],
            "W2": np.einsum("nh,nc->hc", c.hid, d_scores) + 2.0 * reg * P["W2"],
            "b2": d_scores.sum(axis=0) + 2.0 * reg * P["b2"],
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        hist = History()
        lr = learning_rate

        for it in range(num_iters):
            idx = np.random.choice(num_train, size=batch_size, replace=True)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            hist.loss_history.append(loss)

            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= lr * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iters_per_epoch == 0:
                hist.train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                hist.val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return hist.as_dict()

    def predict(self, X):
        return np.argmax(self._forward(X).scores, axis=1)
