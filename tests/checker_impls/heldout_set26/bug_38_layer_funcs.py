"""Two-layer net built from small forward/backward helper functions.

Each helper returns its output together with a cache, and the matching
backward helper consumes that cache (the same layout as layers.py in the
later assignments).
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
    x = cache
    return np.where(x > 0, dout, 0.0)


def softmax_loss(scores, y):
    """Mean cross-entropy of a softmax over the rows of scores, and d loss / d scores."""
    n = scores.shape[0]
    z = scores - scores.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(n), y].sum() / n
    dscores = np.exp(log_p)
    dscores[np.arange(n), y] -= 1.0
    dscores /= n
    return loss, dscores


def l2_penalty(reg, *weights):
    return reg * sum(np.sum(w ** 2) for w in weights)


def l2_penalty_grad(reg, w):
    return 2.0 * reg * w


class TwoLayerNet:
    """input - affine - relu - affine - softmax, with L2 on the two weight matrices."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        W1 = std * np.random.randn(D, H)
        W2 = std * np.random.randn(H, C)
        self.params = dict(W1=W1, b1=np.zeros(H), W2=W2, b2=np.zeros(C))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a1, cache1 = affine_forward(X, p['W1'], p['b1'])
        h1, cache_relu = relu_forward(a1)
        scores, cache2 = affine_forward(h1, p['W2'], p['b2'])
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        loss = data_loss + l2_penalty(reg, p['W1'], p['W2'])

        dh1, dW2, db2 = affine_backward(dscores, cache2)
        da1 = relu_backward(dh1, cache_relu)
        _, dW1, db1 = affine_backward(da1, cache1)
        dW1 += l2_penalty_grad(reg, p['W1'])
        dW2 += l2_penalty_grad(reg, p['W2'])

        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample], y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for key, g in grads.items():
                p = self.params[key]
                p = p - learning_rate * g

            if verbose and it % 100 == 0:
                print(f'iteration {it} / {num_iters}: loss {loss:f}')

            if (it % iterations_per_epoch) == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
