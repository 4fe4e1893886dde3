import numpy as np
from functools import reduce

_DEBUG = 0

relu = lambda z: (z + np.abs(z)) / 2
drelu = lambda z: (z > 0).astype(z.dtype)


def _fwd(P, X):
    z = X.dot(P['W1']) + P['b1']
    h = relu(z)
    return z, h, h.dot(P['W2']) + P['b2']


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        dims = [input_size, hidden_size, output_size]
        self.params = {}
        for i, (a, b) in enumerate(zip(dims[:-1], dims[1:]), 1):
            self.params['W%d' % i] = std * np.random.randn(a, b)
            self.params['b%d' % i] = np.zeros(b)

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        z, h, s = _fwd(P, X)
        if y is None:
            return s
        N = X.shape[0]
        e = np.exp(s - s.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        loss = -np.log(probs[np.arange(N), y]).mean()
        decayed = list(P)
        loss += reg * reduce(lambda acc, k: acc + np.sum(P[k] ** 2), decayed, 0.0)

        d = probs.copy()
        d[np.arange(N), y] -= 1
        d /= N
        g = {'W2': h.T.dot(d), 'b2': d.sum(axis=0)}
        dz = d.dot(P['W2'].T) * drelu(z)
        g['W1'] = X.T.dot(dz)
        g['b1'] = dz.sum(axis=0)
        for k in decayed:
            g[k] = g[k] + 2 * reg * P[k]
        if _DEBUG:
            print({k: (v.shape, float(np.abs(v).max())) for k, v in g.items()})
        return loss, g

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        acc = lambda Xs, ys: float(np.mean(self.predict(Xs) == ys))
        lr = learning_rate
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            out['loss_history'].append(loss)
            # TODO momentum if there is time (there wont be)
            self.params.update({k: v - lr * grads[k] for k, v in self.params.items()})
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out['train_acc_history'].append(acc(X_batch, y_batch))
                out['val_acc_history'].append(acc(X_val, y_val))
                lr *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(_fwd(self.params, X)[2], axis=1)
