"""Two-layer fully-connected classifier assembled from small layer functions.

Each layer is a pair of functions: ``*_forward`` returns an output and a cache,
``*_backward`` takes the upstream gradient and that cache.
"""
import numpy as np


def affine_forward(x, w, b):
    out = x @ w + b
    return out, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    dx = dout @ w.T
    dw = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dw, db


def relu_forward(x):
    return np.maximum(x, 0), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


def softmax_loss(scores, y):
    """Mean cross-entropy of the softmax of ``scores`` and its gradient."""
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_p = shifted - log_z
    loss = -log_p[np.arange(n), y].mean()
    dscores = np.exp(log_p)
    dscores[np.arange(n), y] -= 1.0
    dscores /= n
    return loss, dscores


def l2_penalty(weights, reg):
    """reg * sum of squared entries, and its gradient for each weight."""
    loss = reg * sum(np.sum(w * w) for w in weights)
    grads = [2.0 * reg * w for w in weights]
    return loss, grads


class TwoLayerNet:
    """affine - relu - affine - softmax, with L2 weight penalty."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W2 = std * np.random.randn(hidden_size, output_size)
        W1 = std * np.random.randn(input_size, hidden_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size),
                           W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64)
                      for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a1, fc1_cache = affine_forward(X, p["W1"], p["b1"])
        h1, relu_cache = relu_forward(a1)
        scores, fc2_cache = affine_forward(h1, p["W2"], p["b2"])
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss, (dW1_reg, dW2_reg) = l2_penalty((p["W1"], p["W2"]), reg)

        dh1, dW2, db2 = affine_backward(dscores, fc2_cache)
        da1 = relu_backward(dh1, relu_cache)
        _, dW1, db1 = affine_backward(da1, fc1_cache)

        grads = {"W1": dW1 + dW1_reg, "b1": db1, "W2": dW2 + dW2_reg, "b2": db2}
        return data_loss + reg_loss, grads

    def _sgd_step(self, grads, lr):
        for name, g in grads.items():
            self.params[name] -= lr * g

    def _accuracy(self, X, y):
        return float(np.mean(self.predict(X) == y))

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            Xb, yb = X[batch], y[batch]

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            history["loss_history"].append(loss)
            self._sgd_step(grads, lr)

            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")

            if it % iters_per_epoch == 0:
                history["train_acc_history"].append(self._accuracy(Xb, yb))
                history["val_acc_history"].append(self._accuracy(X_val, y_val))
                lr *= learning_rate_decay

        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
