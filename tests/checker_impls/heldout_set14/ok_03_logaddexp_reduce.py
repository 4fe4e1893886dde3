import numpy as np


def _log_softmax(scores):
    # logaddexp is computed stably pair by pair, so no explicit max shift is needed
    return scores - np.logaddexp.reduce(scores, axis=1, keepdims=True)


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = std * np.random.randn(input_size, hidden_size)
        second = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=first, b1=np.zeros(hidden_size),
                           W2=second, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        inst = cls.__new__(cls)
        inst.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ('W1', 'b1', 'W2', 'b2'))
        return inst

    def _hidden(self, X):
        pre = np.matmul(X, self.params['W1']) + self.params['b1']
        return pre, pre.clip(min=0)

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params['W1'], self.params['W2']
        pre, hid = self._hidden(X)
        scores = np.matmul(hid, W2) + self.params['b2']
        if y is None:
            return scores

        n = X.shape[0]
        logp = _log_softmax(scores)
        picked = np.take_along_axis(logp, np.asarray(y).reshape(-1, 1), axis=1)
        loss = -picked.mean() + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        delta = np.exp(logp)
        np.put_along_axis(delta, np.asarray(y).reshape(-1, 1),
                          np.take_along_axis(delta, np.asarray(y).reshape(-1, 1), axis=1) - 1.0, axis=1)
        delta = delta / n

        grads = {}
        grads['W2'] = np.matmul(hid.T, delta) + 2.0 * reg * W2
        grads['b2'] = delta.sum(axis=0)
        back = np.matmul(delta, W2.T) * (pre > 0)
        grads['W1'] = np.matmul(X.T, back) + 2.0 * reg * W1
        grads['b1'] = back.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        n = X.shape[0]
        every = max(n // batch_size, 1)
        lh, th, vh = [], [], []
        rate = learning_rate
        for i in range(num_iters):
            pick = np.random.choice(n, batch_size)
            xb = X[pick]
            yb = y[pick]
            value, grads = self.loss(xb, yb, reg)
            lh.append(value)
            self.params = {k: v - rate * grads[k] for k, v in self.params.items()}
            if verbose and i % 100 == 0:
                print('iteration %d / %d: loss %f' % (i, num_iters, value))
            if i % every == 0:
                th.append(np.count_nonzero(self.predict(xb) == yb) / yb.shape[0])
                vh.append(np.count_nonzero(self.predict(X_val) == y_val) / y_val.shape[0])
                rate *= learning_rate_decay
        return dict(loss_history=lh, train_acc_history=th, val_acc_history=vh)

    def predict(self, X):
        _, hid = self._hidden(X)
        return np.argmax(np.matmul(hid, self.params['W2']) + self.params['b2'], axis=1)
