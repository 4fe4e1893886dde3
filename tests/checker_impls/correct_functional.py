"""A correct TwoLayerNet in a functional style: module-level helpers, einsum, logaddexp, a new
params dict every step, minibatches from np.random.randint. Written to catch false positives."""

import numpy as np


def affine_relu(X, W, b):
    pre = np.einsum("nd,dh->nh", X, W) + b
    return pre, pre * (pre > 0)


def log_softmax(s):
    return s - np.logaddexp.reduce(s, axis=1, keepdims=True)


def l2(*weights):
    return sum(float(np.vdot(w, w)) for w in weights)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = np.random.randn(input_size, hidden_size) * std
        second = np.random.randn(hidden_size, output_size) * std
        self.params = dict(W1=first, b1=np.zeros(hidden_size), W2=second, b2=np.zeros(output_size))

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        pre, act = affine_relu(X, P["W1"], P["b1"])
        scores = np.einsum("nh,hc->nc", act, P["W2"]) + P["b2"]
        if y is None:
            return scores
        logp = log_softmax(scores)
        rows = np.arange(len(y))
        loss = -logp[rows, y].sum() / len(y) + reg * l2(P["W1"], P["W2"])
        d = np.exp(logp)
        d[rows, y] -= 1.0
        d = d / len(y)
        dact = np.einsum("nc,hc->nh", d, P["W2"]) * (pre > 0)
        grads = {"W2": np.einsum("nh,nc->hc", act, d) + 2.0 * reg * P["W2"], "b2": d.sum(0),
                 "W1": np.einsum("nd,nh->dh", X, dact) + 2.0 * reg * P["W1"], "b1": dact.sum(0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        per_epoch = max(len(X) // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        rate = learning_rate
        for it in range(num_iters):
            pick = np.random.randint(0, len(X), size=batch_size)
            loss, grads = self.loss(X[pick], y=y[pick], reg=reg)
            out["loss_history"].append(loss)
            self.params = {k: v - rate * grads[k] for k, v in self.params.items()}
            if it % per_epoch == 0:
                out["train_acc_history"].append(np.mean(self.predict(X[pick]) == y[pick]))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                rate = rate * learning_rate_decay
        return out

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
