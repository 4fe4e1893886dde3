import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = dict()
        net.params['W1'] = np.array(params['W1'], dtype=float)
        net.params['b1'] = np.array(params['b1'], dtype=float)
        net.params['W2'] = np.array(params['W2'], dtype=float)
        net.params['b2'] = np.array(params['b2'], dtype=float)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        N = X.shape[0]

        a1 = X @ W1 + b1
        h = a1 * (a1 > 0)
        s = h @ W2 + b2
        if y is None:
            return s

        s = s - s.max(axis=1)[:, None]
        e = np.exp(s)
        Z = e.sum(axis=1)[:, None]
        logp = s - np.log(Z)
        Y = np.zeros_like(s)
        Y[np.arange(N), y] = 1
        loss = -np.sum(Y * logp) / N
        loss += 0.5 * reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        P = e / Z
        ds = (P - Y) / N
        dW2 = h.T @ ds + reg * W2
        db2 = ds.sum(axis=0)
        dh = ds @ W2.T
        da1 = dh * (a1 > 0)
        dW1 = X.T @ da1 + reg * W1
        db1 = da1.sum(axis=0)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        losses, tr_acc, va_acc = [], [], []

        for i in range(num_iters):
            ix = np.random.choice(n, batch_size)
            xb = X[ix]
            yb = y[ix]

            l, g = self.loss(xb, y=yb, reg=reg)
            losses.append(l)

            self.params['W1'] -= learning_rate * g['W1']
            self.params['b1'] -= learning_rate * g['b1']
            self.params['W2'] -= learning_rate * g['W2']
            self.params['b2'] -= learning_rate * g['b2']

            if verbose and i % 100 == 0:
                print('iteration %d / %d: loss %f' % (i, num_iters, l))

            if i % per_epoch == 0:
                tr_acc.append((self.predict(xb) == yb).mean())
                va_acc.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {'loss_history': losses, 'train_acc_history': tr_acc, 'val_acc_history': va_acc}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
