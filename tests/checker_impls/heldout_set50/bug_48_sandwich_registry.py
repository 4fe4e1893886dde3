"""Two-layer net written with the "sandwich" helpers of layer_utils.py.

The update rules live in a small registry, looked up by name the way the Solver
does with getattr(optim, update_rule).
"""
import numpy as np


def affine_forward(x, w, b):
    out = x.reshape(x.shape[0], -1) @ w + b
    return out, (x, w, b)


def affine_backward(dout, cache):
    x, w, b = cache
    dx = (dout @ w.T).reshape(x.shape)
    dw = x.reshape(x.shape[0], -1).T @ dout
    db = dout.sum(axis=0)
    return dx, dw, db


def relu_forward(x):
    return x * (x > 0), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


def affine_relu_forward(x, w, b):
    a, fc_cache = affine_forward(x, w, b)
    out, relu_cache = relu_forward(a)
    return out, (fc_cache, relu_cache)


def affine_relu_backward(dout, cache):
    fc_cache, relu_cache = cache
    da = relu_backward(dout, relu_cache)
    dx, dw, db = affine_backward(da, fc_cache)
    return dx, dw, db


def softmax_loss(x, y):
    N = x.shape[0]
    logits = x - x.max(axis=1, keepdims=True)
    log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(N), y].sum() / N
    dx = np.exp(log_probs)
    dx[np.arange(N), y] -= 1
    dx /= N
    return loss, dx


class optim:
    """Update rules: each takes (w, dw, config) and returns (next_w, config)."""

    @staticmethod
    def sgd(w, dw, config=None):
        config = {} if config is None else config
        config.setdefault("learning_rate", 1e-2)
        return w - config["learning_rate"] * dw, config

    @staticmethod
    def sgd_momentum(w, dw, config=None):
        config = {} if config is None else config
        config.setdefault("learning_rate", 1e-2)
        config.setdefault("momentum", 0.9)
        v = config.get("velocity", np.zeros_like(w))
        v = config["momentum"] * v - config["learning_rate"] * dw
        config["velocity"] = v
        return w + v, config


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))

        hidden, cache_1 = affine_relu_forward(X, W1, b1)
        scores, cache_2 = affine_forward(hidden, W2, b2)
        if y is None:
            return scores

        loss, dscores = softmax_loss(scores, y)
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dhidden, dW2, db2 = affine_backward(dscores, cache_2)
        _, dW1, db1 = affine_relu_backward(dhidden, cache_1)

        grads = {"W1": dW1 + 2 * reg * W1, "b1": db1,
                 "W2": dW2 + 2 * reg * W2, "b2": db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        update_rule = getattr(optim, "sgd")
        optim_configs = {name: {"learning_rate": learning_rate} for name in self.params}
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        def _step():
            batch_mask = np.random.choice(num_train - 1, batch_size)
            X_batch, y_batch = X[batch_mask], y[batch_mask]
            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            history["loss_history"].append(loss)
            for name in self.params:
                self.params[name], optim_configs[name] = update_rule(
                    self.params[name], grads[name], optim_configs[name])
            return loss, X_batch, y_batch

        for t in range(num_iters):
            loss, X_batch, y_batch = _step()
            if verbose and t % 100 == 0:
                print("iteration %d / %d: loss %f" % (t, num_iters, loss))
            if t % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                for config in optim_configs.values():
                    config["learning_rate"] *= learning_rate_decay

        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
