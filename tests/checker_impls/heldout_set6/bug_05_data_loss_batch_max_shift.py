import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        p = {}
        p['W1'] = std * np.random.randn(input_size, hidden_size)
        p['b1'] = np.zeros(hidden_size)
        p['W2'] = std * np.random.randn(hidden_size, output_size)
        p['b2'] = np.zeros(output_size)
        self.params = p

    @classmethod
    def from_params(cls, params):
        n = cls.__new__(cls)
        n.params = {k: np.array(v, dtype=np.float64) for k, v in params.items()
                    if k in ('W1', 'b1', 'W2', 'b2')}
        return n

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        N = X.shape[0]

        a = X @ W1
        a += b1
        h = np.maximum(a, 0)
        s = h @ W2
        s += b2
        if y is None:
            return s

        t = s - np.max(s)
        lse = np.log(np.sum(np.exp(t), axis=1, keepdims=True))
        lp = t - lse
        r = np.arange(N)
        loss = -np.sum(lp[r, y]) / N + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        g = np.exp(lp)
        g[r, y] -= 1
        g /= N
        dW2 = h.T @ g
        dW2 += 2 * reg * W2
        db2 = np.sum(g, axis=0)
        dh = g @ W2.T
        dh *= (a > 0)
        dW1 = X.T @ dh
        dW1 += 2 * reg * W1
        db1 = np.sum(dh, axis=0)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        lh, th, vh = [], [], []
        lr = learning_rate
        for it in range(num_iters):
            ix = np.random.choice(n_train, batch_size)
            xb, yb = X[ix], y[ix]
            l, g = self.loss(xb, y=yb, reg=reg)
            lh.append(l)
            for k, v in self.params.items():
                v -= lr * g[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, l))
            if it % per_epoch == 0:
                th.append((self.predict(xb) == yb).mean())
                vh.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
        return {'loss_history': lh, 'train_acc_history': th, 'val_acc_history': vh}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
