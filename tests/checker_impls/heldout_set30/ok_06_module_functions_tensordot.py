import numpy as np


def affine_forward(x, w, b):
    return np.tensordot(x, w, axes=1) + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return (np.tensordot(dout, w, axes=([1], [1])),
            np.tensordot(x, dout, axes=([0], [0])),
            dout.sum(axis=0))


def relu_forward(x):
    return np.where(x > 0, x, 0.0), x


def relu_backward(dout, x):
    return np.where(x > 0, dout, 0.0)


def softmax_loss(scores, y):
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    n = scores.shape[0]
    dx = np.exp(log_p)
    dx[np.arange(n), y] -= 1
    return -log_p[np.arange(n), y].mean(), dx / n


class TwoLayerNet:
    """Two-layer net assembled from layer functions."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for i, (fan_in, fan_out) in enumerate(zip((input_size, hidden_size),
                                                  (hidden_size, output_size)), start=1):
            self.params["W%d" % i] = std * np.random.randn(fan_in, fan_out)
            self.params["b%d" % i] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a1, c1 = affine_forward(X, p["W1"], p["b1"])
        h1, cr = relu_forward(a1)
        scores, c2 = affine_forward(h1, p["W2"], p["b2"])
        if y is None:
            return scores
        data_loss, dscores = softmax_loss(scores, y)
        loss = data_loss + reg * sum(np.tensordot(p[k], p[k]) for k in ("W1", "W2"))
        dh1, dW2, db2 = affine_backward(dscores, c2)
        _, dW1, db1 = affine_backward(relu_backward(dh1, cr), c1)
        return loss, {"W1": dW1 + 2 * reg * p["W1"], "b1": db1,
                      "W2": dW2 + 2 * reg * p["W2"], "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        def minibatches():
            for _ in range(num_iters):
                idx = np.random.choice(num_train, batch_size)
                yield X[idx], y[idx]

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it, (X_batch, y_batch) in enumerate(minibatches()):
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, value in self.params.items():
                value -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
