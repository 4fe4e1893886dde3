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
    n = scores.shape[0]
    z = scores - scores.max(axis=1, keepdims=True)
    log_p = z - np.log(np.sum(np.exp(z), axis=0, keepdims=True))
    loss = -np.mean(log_p[np.arange(n), y])
    dscores = np.exp(log_p)
    dscores[np.arange(n), y] -= 1.0
    dscores /= n
    return loss, dscores


class TwoLayerNet:
    """affine - relu - affine - softmax, built from small layer functions."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {'W1': W1, 'b1': np.zeros(hidden_size),
                       'W2': W2, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = {name: np.array(params[name], dtype=float)
                      for name in ('W1', 'b1', 'W2', 'b2')}
        return obj

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a1, fc1_cache = affine_forward(X, p['W1'], p['b1'])
        h1, relu_cache = relu_forward(a1)
        scores, fc2_cache = affine_forward(h1, p['W2'], p['b2'])
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        loss = data_loss + reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))

        grads = {}
        dh1, grads['W2'], grads['b2'] = affine_backward(dscores, fc2_cache)
        da1 = relu_backward(dh1, relu_cache)
        _, grads['W1'], grads['b1'] = affine_backward(da1, fc1_cache)
        grads['W1'] += 2 * reg * p['W1']
        grads['W2'] += 2 * reg * p['W2']
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3,
              learning_rate_decay=0.95, reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        lr = learning_rate
        loss_hist, train_acc_hist, val_acc_hist = [], [], []

        for step in range(num_iters):
            picks = np.random.choice(num_train, batch_size)
            xb = X[picks]
            yb = y[picks]

            cost, grads = self.loss(xb, y=yb, reg=reg)
            loss_hist.append(cost)

            for key in ('W1', 'b1', 'W2', 'b2'):
                self.params[key] -= lr * grads[key]

            if verbose and step % 100 == 0:
                print('iteration %d / %d: loss %f' % (step, num_iters, cost))

            if step % epoch_len == 0:
                train_acc_hist.append((self.predict(xb) == yb).mean())
                val_acc_hist.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay

        return {'loss_history': loss_hist,
                'train_acc_history': train_acc_hist,
                'val_acc_history': val_acc_hist}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
