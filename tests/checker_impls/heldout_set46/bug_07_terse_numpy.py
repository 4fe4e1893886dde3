import numpy as np

DBG = False  # flip when the shapes break again


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        if DBG: print({k: v.shape for k, v in self.params.items()})

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]
        lam = reg  # TODO try a reg schedule?
        a = X @ W1 + b1
        h = a  # np.maximum(a, 0)
        s = h @ W2 + b2
        if y is None:
            return s
        s = s - s.max(1, keepdims=True)  # stability
        p = np.exp(s); p /= p.sum(1, keepdims=True)
        loss = -np.log(p[np.arange(N), y]).sum() / N
        loss += lam * ((W1 ** 2).sum() + (W2 ** 2).sum())
        # loss += 0.5 * lam * (...)   <- other course uses the 0.5, NOT this one
        if DBG: print('loss', loss, 'p', p.shape)
        # backward. p gets overwritten here, dont use it after this!!
        p[np.arange(N), y] -= 1
        p /= N
        g = {}
        g['W2'] = h.T @ p + 2 * lam * W2
        g['b2'] = p.sum(0)
        dh = p @ W2.T
        dh[a <= 0] = 0  # relu
        g['W1'] = X.T @ dh + 2 * lam * W1
        g['b1'] = dh.sum(0)
        # assert all(g[k].shape == self.params[k].shape for k in g)
        return loss, g

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        lh, tah, vah = [], [], []
        lr = learning_rate
        for it in range(num_iters):
            ix = np.random.choice(n, batch_size)
            xb, yb = X[ix], y[ix]
            l, g = self.loss(xb, y=yb, reg=reg)
            lh.append(l)
            for k in self.params:
                self.params[k] -= lr * g[k]
            new_epoch = it % ipe == 0
            if new_epoch:
                tah.append((self.predict(xb) == yb).mean())
                vah.append((self.predict(X_val) == y_val).mean())
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, l))
            if new_epoch:
                lr *= learning_rate_decay
                if DBG: print('lr ->', lr)
        return {'loss_history': lh, 'train_acc_history': tah, 'val_acc_history': vah}

    def predict(self, X):
        return self.loss(X).argmax(1)
