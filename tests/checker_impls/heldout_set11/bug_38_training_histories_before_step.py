import numpy as np


def _one_hot(labels, depth):
    out = np.zeros((labels.shape[0], depth))
    out[np.arange(labels.shape[0]), labels] = 1.0
    return out


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w_first = np.random.randn(input_size, hidden_size) * std
        w_second = np.random.randn(hidden_size, output_size) * std
        self.params = {'W1': w_first, 'b1': np.zeros(hidden_size),
                       'W2': w_second, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for key in ('W1', 'b1', 'W2', 'b2'):
            net.params[key] = np.array(params[key], dtype=np.float64, copy=True)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        Z = np.matmul(X, W1) + b1
        A = Z * (Z > 0)
        S = np.matmul(A, W2) + b2
        if y is None:
            return S
        N, C = S.shape
        Y = _one_hot(np.asarray(y), C)
        S0 = S - S.max(axis=1, keepdims=True)
        logZ = np.log(np.sum(np.exp(S0), axis=1, keepdims=True))
        LP = S0 - logZ
        data = -np.sum(Y * LP) / N
        penalty = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        dS = (np.exp(LP) - Y) / N
        grads = {}
        grads['W2'] = np.matmul(A.T, dS) + 2 * reg * W2
        grads['b2'] = np.sum(dS, axis=0)
        dZ = np.matmul(dS, W2.T) * (Z > 0)
        grads['W1'] = np.matmul(X.T, dZ) + 2 * reg * W1
        grads['b1'] = np.sum(dZ, axis=0)
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        epoch_every = max(n // batch_size, 1)
        lr = learning_rate
        out = {name: [] for name in ('loss_history', 'train_acc_history', 'val_acc_history')}
        for step in range(num_iters):
            idx = np.random.choice(n, batch_size)
            Xb, yb = X[idx, :], y[idx]
            value, grads = self.loss(Xb, yb, reg=reg)
            out['loss_history'].append(value)
            if step % epoch_every == 0:
                out['train_acc_history'].append(np.mean(self.predict(Xb) == yb))
                out['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
            for k in self.params:
                np.subtract(self.params[k], lr * grads[k], out=self.params[k])
            if verbose and step % 100 == 0:
                print('iteration %d / %d: loss %f' % (step, num_iters, value))
            if step % epoch_every == 0:
                lr *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
