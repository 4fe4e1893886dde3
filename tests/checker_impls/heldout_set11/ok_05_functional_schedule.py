import itertools
import operator

import numpy as np

_KEYS = ('W1', 'b1', 'W2', 'b2')


def _forward(params, X):
    pre = X.dot(params['W1']) + params['b1']
    hid = np.maximum(pre, 0)
    return pre, hid, hid.dot(params['W2']) + params['b2']


def _log_softmax(s):
    t = s - np.amax(s, axis=1, keepdims=True)
    return t - np.log(np.sum(np.exp(t), axis=1, keepdims=True))


def _objective(params, X, y, reg):
    pre, hid, scores = _forward(params, X)
    n = X.shape[0]
    lp = _log_softmax(scores)
    picked = np.take_along_axis(lp, np.asarray(y)[:, None], axis=1)[:, 0]
    penalty = reg * (np.sum(params['W1'] * params['W1']) + np.sum(params['W2'] * params['W2']))
    value = -picked.mean() + penalty
    d = np.exp(lp)
    d[np.arange(n), y] -= 1
    d /= n
    dpre = d.dot(params['W2'].T) * (pre > 0)
    grads = dict(W1=X.T.dot(dpre) + 2 * reg * params['W1'], b1=dpre.sum(axis=0),
                 W2=hid.T.dot(d) + 2 * reg * params['W2'], b2=d.sum(axis=0))
    return value, grads


def _accuracy(net, X, y):
    return (net.predict(X) == y).mean()


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = np.random.randn(input_size, hidden_size)
        second = np.random.randn(hidden_size, output_size)
        self.params = {'W1': std * first, 'b1': np.zeros(hidden_size),
                       'W2': std * second, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in _KEYS}
        return net

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return _forward(self.params, X)[2]
        return _objective(self.params, X, y, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        schedule = itertools.accumulate(itertools.repeat(learning_rate_decay), operator.mul,
                                        initial=learning_rate)
        lr = next(schedule)
        log = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            idx = np.random.randint(num_train, size=batch_size)
            xb, yb = X[idx], y[idx]
            value, grads = _objective(self.params, xb, yb, reg)
            log['loss_history'].append(value)
            for k in _KEYS:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % per_epoch == 0:
                for name, (a, b) in (('train_acc_history', (xb, yb)), ('val_acc_history', (X_val, y_val))):
                    log[name].append(_accuracy(self, a, b))
                lr = next(schedule)
        return log

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
