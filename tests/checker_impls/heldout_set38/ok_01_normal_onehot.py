import numpy as np


class TwoLayerNet:
    """Two-layer net written with one-hot targets and a log-sum-exp softmax."""

    PARAM_NAMES = ('W1', 'b1', 'W2', 'b2')

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # np.random.normal(0, std) draws exactly std * randn from the global stream
        W1 = np.random.normal(0.0, std, size=(input_size, hidden_size))
        W2 = np.random.normal(0.0, std, size=(hidden_size, output_size))
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = dict((name, np.array(params[name], dtype=np.float64)) for name in cls.PARAM_NAMES)
        return net

    def _forward(self, X):
        p = self.params
        pre = np.dot(X, p['W1']) + p['b1']
        act = np.clip(pre, 0.0, None)
        return pre, act, np.dot(act, p['W2']) + p['b2']

    def loss(self, X, y=None, reg=0.0):
        pre, act, scores = self._forward(X)
        if y is None:
            return scores
        p = self.params
        n, c = scores.shape
        onehot = np.eye(c)[y]
        top = scores.max(axis=1, keepdims=True)
        lse = top + np.log(np.exp(scores - top).sum(axis=1, keepdims=True))
        data = np.sum(onehot * (lse - scores)) / n
        penalty = reg * sum(np.vdot(p[w], p[w]) for w in ('W1', 'W2'))
        total = data + penalty

        dout = (np.exp(scores - lse) - onehot) / n
        gW2 = act.T.dot(dout) + 2.0 * reg * p['W2']
        gb2 = dout.sum(0)
        dpre = dout.dot(p['W2'].T)
        dpre = dpre * (pre > 0)
        gW1 = X.T.dot(dpre) + 2.0 * reg * p['W1']
        gb1 = dpre.sum(0)
        return total, {'W1': gW1, 'b1': gb1, 'W2': gW2, 'b2': gb2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = len(X)
        per_epoch = max(n // batch_size, 1)
        hist = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        for step in range(num_iters):
            pick = np.random.choice(n, batch_size)
            xb, yb = X[pick], y[pick]
            value, g = self.loss(xb, y=yb, reg=reg)
            hist['loss_history'].append(value)
            for name in self.PARAM_NAMES:
                self.params[name] -= lr * g[name]
            if verbose and not step % 100:
                print('iteration %d / %d: loss %f' % (step, num_iters, value))
            if not step % per_epoch:
                hist['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                hist['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr = lr * learning_rate_decay
        return hist

    def predict(self, X):
        return self._forward(X)[2].argmax(axis=1)
