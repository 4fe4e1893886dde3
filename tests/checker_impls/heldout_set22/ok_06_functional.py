import numpy as np


def forward(params, X):
    W1, b1, W2, b2 = params
    z = X.dot(W1) + b1
    h = z * (z > 0)
    return z, h, h.dot(W2) + b2


def softmax_probs(scores):
    e = np.exp(scores - scores.max(axis=1)[:, None])
    return e / e.sum(axis=1)[:, None]


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w1 = np.random.randn(input_size, hidden_size) * std
        w2 = np.random.randn(hidden_size, output_size) * std
        self.params = {'W1': w1, 'W2': w2,
                       'b1': np.zeros((hidden_size,)), 'b2': np.zeros((output_size,))}

    @classmethod
    def from_params(cls, params):
        self = cls.__new__(cls)
        self.params = {name: np.asarray(params[name], dtype=np.float64).copy()
                       for name in ('W1', 'b1', 'W2', 'b2')}
        return self

    def _tuple(self):
        return tuple(self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = theta = self._tuple()
        z, h, scores = forward(theta, X)
        if y is None:
            return scores
        m = X.shape[0]
        rows = np.arange(m)
        P = softmax_probs(scores)
        data = np.mean(-np.log(P[rows, y]))
        penalty = reg * sum(np.vdot(W, W) for W in (W1, W2))

        delta = P
        delta[rows, y] -= 1
        delta /= m
        dh = delta.dot(W2.T)
        dz = np.where(z > 0, dh, 0.0)
        grads = dict(W2=h.T.dot(delta) + 2 * reg * W2,
                     b2=delta.sum(axis=0),
                     W1=X.T.dot(dz) + 2 * reg * W1,
                     b1=dz.sum(axis=0))
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        losses, tr_acc, va_acc = [], [], []
        lr = learning_rate
        epoch = 0
        for it in range(num_iters):
            b = np.random.choice(n, batch_size)
            Xb, yb = X[b], y[b]
            l, g = self.loss(Xb, y=yb, reg=reg)
            losses.append(l)
            for k in g:
                self.params[k] -= lr * g[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, l))
            if it == epoch * ipe:
                tr_acc.append(np.mean(self.predict(Xb) == yb))
                va_acc.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
                epoch += 1
        return dict(loss_history=losses, train_acc_history=tr_acc, val_acc_history=va_acc)

    def predict(self, X):
        return forward(self._tuple(), X)[2].argmax(axis=1)
