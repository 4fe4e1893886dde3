"""Two-layer net assembled from small layer functions with explicit caches."""

import numpy as np


def affine_forward(x, w, b):
    return x @ w + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(x, 0), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


def softmax_loss(scores, y):
    """Mean cross-entropy of a softmax over each row, and d loss / d scores."""
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_probs = shifted - log_z
    loss = -log_probs[np.arange(n), y].sum() / n
    dscores = np.exp(log_probs)
    dscores[np.arange(n), y] -= 1
    return loss, dscores / n


def l2_penalty(reg, *weights):
    value = 0.0
    for w in weights:
        value += reg * np.sum(w ** 2)
    return value


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = std * np.random.randn(input_size, hidden_size)
        second = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": first, "b1": np.zeros(hidden_size),
                       "W2": second, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64)
                      for name in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        h_pre, cache1 = affine_forward(X, p["W1"], p["b1"])
        h, relu_cache = relu_forward(h_pre)
        scores, cache2 = affine_forward(h, p["W2"], p["b2"])
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        loss = data_loss + l2_penalty(reg, p["W1"], p["W2"])

        dh, dW2, db2 = affine_backward(dscores, cache2)
        dh_pre = relu_backward(dh, relu_cache)
        _, dW1, db1 = affine_backward(dh_pre, cache1)

        grads = {
            "W1": dW1 + 2 * reg * p["W1"],
            "b1": db1,
            "W2": dW2 + 2 * reg * p["W2"],
            "b2": db2,
        }
        return loss, grads

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = len(X)
        per_epoch = max(n_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate

        it = 0
        while it < num_iters:
            sample = np.random.choice(n_train, batch_size)
            xb, yb = X[sample], y[sample]

            loss, grads = self.loss(xb, yb, reg)
            history["loss_history"].append(loss)

            for name, mult in (("W1", 1.0), ("b1", 2.0), ("W2", 1.0), ("b2", 2.0)):
                # biases get twice the base rate, as in the Caffe reference models
                np.subtract(self.params[name], mult * lr * grads[name], out=self.params[name])

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % per_epoch == 0:
                history["train_acc_history"].append(self._accuracy(xb, yb))
                history["val_acc_history"].append(self._accuracy(X_val, y_val))
                lr *= learning_rate_decay
            it += 1

        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
