import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        obj = object.__new__(cls)
        obj.params = {k: np.asarray(params[k], dtype=float).copy() for k in ('W1', 'b1', 'W2', 'b2')}
        return obj

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a = X @ p['W1'] + p['b1']
        h = np.maximum(a, 0.0)
        s = h @ p['W2'] + p['b2']
        if y is None:
            return s
        n = len(X)
        rows = np.arange(n)
        s = s - s.max(axis=1)[:, None]
        lse = np.log(np.exp(s).sum(axis=1))
        L = (lse - s[rows, y]).mean() + reg * (p['W1'] ** 2).sum() + (p['W2'] ** 2).sum()
        g = np.exp(s - lse[:, None])
        g[rows, y] -= 1.0
        g /= n
        dh = g @ p['W2'].T
        da = np.where(a > 0, dh, 0.0)
        grads = {
            'W1': X.T @ da + 2.0 * reg * p['W1'],
            'b1': da.sum(axis=0),
            'W2': h.T @ g + 2.0 * reg * p['W2'],
            'b2': g.sum(axis=0),
        }
        return L, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        hist = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        it = 0
        while it < num_iters:
            i = np.random.choice(n, batch_size)
            xb, yb = X[i], y[i]
            L, g = self.loss(xb, y=yb, reg=reg)
            hist['loss_history'].append(L)
            for k, v in g.items():
                self.params[k] -= lr * v
            if verbose and not it % 100:
                print(f'iteration {it} / {num_iters}: loss {L:f}')
            if not it % per_epoch:
                hist['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                hist['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
            it += 1
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
