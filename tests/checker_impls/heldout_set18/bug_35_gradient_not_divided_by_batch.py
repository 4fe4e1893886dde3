import numpy as np


class TwoLayerNet(object):
    # Internally the examples are stored one per column (D x N), the way the
    # maths is usually written on paper; the public API stays row-major.

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {'W1': np.random.randn(input_size, hidden_size) * std}
        self.params['b1'] = np.zeros((hidden_size,))
        self.params['W2'] = np.random.randn(hidden_size, output_size) * std
        self.params['b2'] = np.zeros((output_size,))

    @classmethod
    def from_params(cls, params):
        self = cls.__new__(cls)
        self.params = dict((k, np.array(params[k], dtype='float64')) for k in ['W1', 'b1', 'W2', 'b2'])
        return self

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']

        A0 = X.T                                              # D x N
        Z1 = np.einsum('dh,dn->hn', W1, A0) + b1[:, None]     # H x N
        A1 = np.maximum(Z1, 0)
        Z2 = np.einsum('hc,hn->cn', W2, A1) + b2[:, None]     # C x N
        if y is None:
            return Z2.T

        N = A0.shape[1]
        cols = np.arange(N)
        Z = Z2 - Z2.max(axis=0)
        logP = Z - np.log(np.exp(Z).sum(axis=0))
        data_loss = -logP[y, cols].sum() / N
        loss = data_loss + reg * (np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2))

        dZ2 = np.exp(logP)
        dZ2[y, cols] -= 1
        dW2 = np.einsum('hn,cn->hc', A1, dZ2) + 2 * reg * W2
        db2 = dZ2.sum(axis=1)
        dA1 = np.einsum('hc,cn->hn', W2, dZ2)
        dZ1 = dA1 * (Z1 > 0)
        dW1 = np.einsum('dn,hn->dh', A0, dZ1) + 2 * reg * W1
        db1 = dZ1.sum(axis=1)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        loss_hist, train_hist, val_hist = [], [], []

        for t in range(1, num_iters + 1):
            pick = np.random.choice(num_train, batch_size)
            Xb = X[pick]
            yb = y[pick]
            J, grads = self.loss(Xb, yb, reg)
            loss_hist.append(J)
            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] -= lr * grads[name]
            if verbose and (t - 1) % 100 == 0:
                print('iteration %d / %d: loss %f' % (t - 1, num_iters, J))
            if (t - 1) % epoch == 0:
                train_hist.append(np.mean(self.predict(Xb) == yb))
                val_hist.append(np.mean(self.predict(X_val) == y_val))
                lr = lr * learning_rate_decay

        return {'loss_history': loss_hist, 'train_acc_history': train_hist,
                'val_acc_history': val_hist}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
