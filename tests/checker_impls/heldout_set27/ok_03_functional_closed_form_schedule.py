"""Functional two-layer net: pure functions over a params dict; the class is a thin shell."""
import math

import numpy as np

KEYS = ("W1", "b1", "W2", "b2")


def init_params(d, h, c, std):
    return {
        "W1": np.random.normal(0.0, std, size=(d, h)),
        "b1": np.zeros(h),
        "W2": np.random.normal(0.0, std, size=(h, c)),
        "b2": np.zeros(c),
    }


def forward(params, X):
    z1 = X @ params["W1"] + params["b1"]
    h1 = np.clip(z1, 0.0, None)
    return h1 @ params["W2"] + params["b2"], (X, z1, h1)


def softmax_xent(scores, y):
    n = len(y)
    z = scores - scores.max(axis=1, keepdims=True)
    logz = np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = float(np.mean(logz[:, 0] - z[np.arange(n), y]))
    dscores = np.exp(z - logz)
    dscores[np.arange(n), y] -= 1.0
    return loss, dscores / n


def backward(params, cache, dscores):
    X, z1, h1 = cache
    dh1 = dscores @ params["W2"].T
    dz1 = np.where(z1 > 0, dh1, 0.0)
    return {"W1": X.T @ dz1, "b1": dz1.sum(0), "W2": h1.T @ dscores, "b2": dscores.sum(0)}


def l2(params, reg):
    loss = reg * sum(float(np.vdot(params[k], params[k])) for k in ("W1", "W2"))
    grads = {k: (2.0 * reg * params[k] if k[0] == "W" else 0.0) for k in KEYS}
    return loss, grads


def step_size(lr0, decay, it, per_epoch):
    # number of epoch boundaries passed before iteration `it` (the one at 0 included once done)
    return lr0 * decay ** math.ceil(it / per_epoch)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = init_params(input_size, hidden_size, output_size, std)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in KEYS}
        return net

    def loss(self, X, y=None, reg=0.0):
        scores, cache = forward(self.params, X)
        if y is None:
            return scores
        data_loss, dscores = softmax_xent(scores, y)
        reg_loss, reg_grads = l2(self.params, reg)
        grads = backward(self.params, cache, dscores)
        return data_loss + reg_loss, {k: grads[k] + reg_grads[k] for k in KEYS}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            rows = np.random.randint(0, n, batch_size)
            loss, grads = self.loss(X[rows], y=y[rows], reg=reg)
            out["loss_history"].append(loss)
            lr = step_size(learning_rate, learning_rate_decay, it, per_epoch)
            for k in KEYS:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                out["train_acc_history"].append(np.mean(self.predict(X[rows]) == y[rows]))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
        return out

    def predict(self, X):
        return np.argmax(forward(self.params, X)[0], axis=1)
