import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        self.params = dict()
        self.params['W1'] = std * np.random.randn(D, H)
        self.params['b1'] = np.zeros(H)
        self.params['W2'] = std * np.random.randn(H, C)
        self.params['b2'] = np.zeros(C)

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = {k: np.asarray(params[k], dtype=np.float64).copy() for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        n = len(X)
        z = X @ W1 + b1
        a = np.maximum(z, 0)
        s = a @ W2 + b2
        if y is None:
            return s
        s = s - s.max(1, keepdims=True)
        lp = s - np.log(np.exp(s).sum(1, keepdims=True))
        L = -lp[range(n), y].sum() / n
        L += reg * ((W1 ** 2).sum() + (W2 ** 2).sum())
        ds = np.exp(lp)
        ds[range(n), y] -= 1
        ds /= n
        dW2 = a.T @ ds + 2 * reg * W2
        db2 = ds.sum(0)
        da = ds @ W2.T
        dz = np.where(z > 0, da, 0.0)
        dW1 = X.T @ dz + 2 * reg * W1
        db1 = dz.sum(0)
        return L, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        losses, tr_acc, va_acc = [], [], []
        lr = learning_rate
        for t in range(num_iters):
            ix = np.random.choice(n, batch_size)
            xb, yb = X[ix], y[ix]
            L, g = self.loss(xb, y=yb)
            losses.append(L)
            for k, v in g.items():
                self.params[k] -= lr * v
            if verbose and t % 100 == 0:
                print(f'iteration {t} / {num_iters}: loss {L:f}')
            if t % per_epoch == 0:
                tr_acc.append(np.mean(self.predict(xb) == yb))
                va_acc.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return {'loss_history': losses, 'train_acc_history': tr_acc, 'val_acc_history': va_acc}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
