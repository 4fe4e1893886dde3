"""A two-layer net assembled from small layer helpers (forward/backward pairs)."""

import numpy as np


def affine_forward(x, w, b):
    out = x.dot(w) + b
    return out, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = dout.sum(axis=0) / x.shape[0]
    return dx, dw, db


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, x):
    return dout * (x > 0)


def softmax_loss(scores, y):
    """Mean cross-entropy of softmax(scores) against labels y, and d loss / d scores."""
    n = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    exp = np.exp(shifted)
    sums = np.sum(exp, axis=1, keepdims=True)
    log_probs = shifted - np.log(sums)
    loss = -np.mean(log_probs[np.arange(n), y])
    dscores = exp / sums
    dscores[np.arange(n), y] -= 1
    dscores /= n
    return loss, dscores


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']

        h_pre, fc1_cache = affine_forward(X, W1, b1)
        h, relu_cache = relu_forward(h_pre)
        scores, fc2_cache = affine_forward(h, W2, b2)

        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss = reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))
        loss = data_loss + reg_loss

        dh, dW2, db2 = affine_backward(dscores, fc2_cache)
        dh_pre = relu_backward(dh, relu_cache)
        _, dW1, db1 = affine_backward(dh_pre, fc1_cache)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history, train_acc_history, val_acc_history = [], [], []
        epoch = 0

        for it in range(num_iters):
            indices = np.random.choice(num_train, batch_size)
            X_batch = X[indices]
            y_batch = y[indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params['W1'] -= learning_rate * grads['W1']
            self.params['b1'] -= learning_rate * grads['b1']
            self.params['W2'] -= learning_rate * grads['W2']
            self.params['b2'] -= learning_rate * grads['b2']

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                epoch += 1
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        h_pre, _ = affine_forward(X, self.params['W1'], self.params['b1'])
        h, _ = relu_forward(h_pre)
        scores, _ = affine_forward(h, self.params['W2'], self.params['b2'])
        return np.argmax(scores, axis=1)
