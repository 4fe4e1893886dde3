import numpy as np


def _logsumexp_rows(a):
    m = a.max(axis=1, keepdims=True)
    return (m + np.log(np.exp(a - m).sum(axis=1, keepdims=True)))[:, 0]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size),
                           W2=W2, b2=np.zeros(output_size))

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        u = np.einsum('nd,dh->nh', X, p['W1']) + p['b1']
        r = np.clip(u, 0.0, None)
        s = np.einsum('nh,hc->nc', r, p['W2']) + p['b2']
        if y is None:
            return s

        n = len(X)
        rows = np.arange(n)
        lse = _logsumexp_rows(s)
        nll = lse - s[rows, y]
        penalty = reg * (np.einsum('ij,ij->', p['W1'], p['W1'])
                         + np.einsum('ij,ij->', p['W2'], p['W2']))
        total = nll.mean() + penalty

        g_s = np.exp(s - lse[:, None])
        g_s[rows, y] -= 1.0
        g_s = g_s / n

        g = {}
        g['W2'] = np.einsum('nh,nc->hc', r, g_s) + 2.0 * reg * p['W2']
        g['b2'] = np.einsum('nc->c', g_s)
        g_r = np.einsum('nc,hc->nh', g_s, p['W2'])
        g_u = g_r * np.heaviside(u, 0.0)
        g['W1'] = np.einsum('nd,nh->dh', X, g_u) + 2.0 * reg * p['W1']
        g['b1'] = np.einsum('nh->h', g_u)
        return total, g

    def train(self, X, y, X_val, y_val, learning_rate=1e-3,
              learning_rate_decay=0.95, reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        hist = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        for step in range(num_iters):
            sel = np.random.choice(n_train, batch_size)
            xb, yb = X[sel], y[sel]
            value, g = self.loss(xb, y=yb, reg=reg)
            hist['loss_history'].append(value)
            self.params = {k: v - lr * g[k] for k, v in self.params.items()}
            if verbose and step % 100 == 0:
                print('iteration %d / %d: loss %f' % (step, num_iters, value))
            if step % per_epoch == 0:
                hist['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                hist['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr = lr * learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
