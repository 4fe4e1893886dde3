"""Translated from MATLAB (for it = 1:num_iters ... end)."""
import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']; b1 = self.params['b1']
        W2 = self.params['W2']; b2 = self.params['b2']
        m = X.shape[0]
        Z1 = X @ W1 + b1
        A1 = np.maximum(Z1, 0)
        Z2 = A1 @ W2 + b2
        if y is None:
            return Z2
        Y = np.zeros_like(Z2)
        Y[np.arange(m), y] = 1
        Z2s = Z2 - Z2.max(axis=1, keepdims=True)
        P = np.exp(Z2s) / np.exp(Z2s).sum(axis=1, keepdims=True)
        J = -np.sum(Y * np.log(P)) / m + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        dZ2 = (P - Y) / m
        dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
        return J, {'W1': X.T @ dZ1 + 2 * reg * W1, 'b1': dZ1.sum(axis=0),
                   'W2': A1.T @ dZ2 + 2 * reg * W2, 'b2': dZ2.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        m = X.shape[0]
        iters_per_epoch = max(m // batch_size, 1)
        J_hist, tr_acc, va_acc = [], [], []
        for it in range(1, num_iters + 1):
            k = np.random.choice(m, batch_size)
            Xb, yb = X[k], y[k]
            J, G = self.loss(Xb, yb, reg)
            J_hist.append(J)
            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] -= learning_rate * G[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, J))
            if it % iters_per_epoch == 0:
                tr_acc.append(np.mean(self.predict(Xb) == yb))
                va_acc.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {'loss_history': J_hist, 'train_acc_history': tr_acc, 'val_acc_history': va_acc}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
