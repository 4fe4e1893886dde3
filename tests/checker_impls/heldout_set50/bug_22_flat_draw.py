"""TwoLayerNet with both weight matrices carved out of one Gaussian draw.

np.random.randn(D*H + H*C) produces exactly the numbers that randn(D, H) followed
by randn(H, C) would, in the same order, so the first D*H go to W1 and the rest to
W2. The loss uses a log-sum-exp, minibatch indices come from randint (which is what
np.random.choice(n, size) calls underneath), and each parameter keeps a deep copy
of the optim config.
"""
import copy

import numpy as np


def logsumexp(a, axis):
    m = np.max(a, axis=axis, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True))


def sgd(w, dw, config=None):
    config = config if config is not None else {}
    config.setdefault("learning_rate", 1e-2)
    return w - config["learning_rate"] * dw, config


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        flat = std * np.random.randn(D * H + H * C)
        self.params = {
            "W1": flat[:D * H].reshape(D, H).copy(),
            "b1": np.zeros(H),
            "W2": flat[D * H:].reshape(H, C).copy(),
            "b2": np.zeros(C),
        }

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        pre = X @ P["W1"] + P["b1"]
        act = np.where(pre > 0, pre, 0.0)
        scores = act @ P["W2"] + P["b2"]
        if y is None:
            return scores

        N = len(y)
        rows = np.arange(N)
        log_probs = scores - logsumexp(scores, axis=1)
        loss = -log_probs[rows, y].sum() / N
        loss += reg * sum(np.linalg.norm(P[k]) for k in ("W1", "W2"))

        one_hot = np.zeros_like(scores)
        one_hot[rows, y] = 1.0
        dscores = (np.exp(log_probs) - one_hot) / N
        dact = dscores @ P["W2"].T
        dpre = np.where(pre > 0, dact, 0.0)
        grads = {
            "W2": act.T @ dscores + 2.0 * reg * P["W2"],
            "b2": dscores.sum(0),
            "W1": X.T @ dpre + 2.0 * reg * P["W1"],
            "b1": dpre.sum(0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        base_config = {"learning_rate": learning_rate}
        configs = {k: copy.deepcopy(base_config) for k in self.params}
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            idx = np.random.randint(num_train, size=batch_size)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, yb, reg=reg)
            stats["loss_history"].append(loss)
            for k in list(self.params):
                self.params[k], configs[k] = sgd(self.params[k], grads[k], configs[k])
            if verbose and not it % 100:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if not it % iterations_per_epoch:
                stats["train_acc_history"].append(float(np.mean(self.predict(Xb) == yb)))
                stats["val_acc_history"].append(float(np.mean(self.predict(X_val) == y_val)))
                for cfg in configs.values():
                    cfg["learning_rate"] = cfg["learning_rate"] * learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
