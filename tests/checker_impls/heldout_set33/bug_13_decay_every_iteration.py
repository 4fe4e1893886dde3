import numpy as np


def _affine_forward(x, w, b):
    return x.dot(w) + b, (x, w)


def _affine_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def _relu_forward(x):
    return np.maximum(0, x), x


def _relu_backward(dout, cache):
    return dout * (cache > 0)


def _softmax_loss(scores, y):
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_p = shifted - log_z
    loss = -log_p[np.arange(n), y].mean()
    dscores = np.exp(log_p)
    dscores[np.arange(n), y] -= 1
    dscores /= n
    return loss, dscores


class TwoLayerNet:
    """input - fully connected - ReLU - fully connected - softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a1, fc1_cache = _affine_forward(X, p["W1"], p["b1"])
        h1, relu_cache = _relu_forward(a1)
        scores, fc2_cache = _affine_forward(h1, p["W2"], p["b2"])
        if y is None:
            return scores

        data_loss, dscores = _softmax_loss(scores, y)
        reg_loss = reg * sum(np.sum(p[w] ** 2) for w in ("W1", "W2"))
        loss = data_loss + reg_loss

        dh1, dW2, db2 = _affine_backward(dscores, fc2_cache)
        da1 = _relu_backward(dh1, relu_cache)
        _, dW1, db1 = _affine_backward(da1, fc1_cache)

        grads = {
            "W1": dW1 + 2 * reg * p["W1"],
            "b1": db1,
            "W2": dW2 + 2 * reg * p["W2"],
            "b2": db2,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate

        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            xb, yb = X[rows], y[rows]

            loss, grads = self.loss(xb, y=yb, reg=reg)
            history["loss_history"].append(loss)
            for k, g in grads.items():
                self.params[k] -= lr * g

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % epoch_len == 0:
                history["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
            lr *= learning_rate_decay

        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
