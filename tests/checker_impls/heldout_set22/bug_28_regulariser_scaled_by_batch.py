"""Two-layer net; the weight-decay term follows Nielsen's "Neural Networks and Deep
Learning", ch. 3:  C = C0 + (lambda / 2n) * sum w^2."""
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

    def feedforward(self, X):
        p = self.params
        z1 = np.dot(X, p['W1']) + p['b1']
        a1 = np.maximum(z1, 0)
        z2 = np.dot(a1, p['W2']) + p['b2']
        return z1, a1, z2

    def loss(self, X, y=None, reg=0.0):
        z1, a1, z2 = self.feedforward(X)
        if y is None:
            return z2
        p = self.params
        n = X.shape[0]
        lmbda = reg

        z = z2 - z2.max(axis=1, keepdims=True)
        a2 = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        C0 = -np.log(a2[np.arange(n), y]).sum() / n
        C = C0 + (lmbda / (2.0 * n)) * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))

        delta2 = a2.copy()
        delta2[np.arange(n), y] -= 1
        delta2 /= n
        delta1 = np.dot(delta2, p['W2'].T) * (z1 > 0)
        grads = {
            'W2': np.dot(a1.T, delta2) + (lmbda / n) * p['W2'],
            'b2': delta2.sum(axis=0),
            'W1': np.dot(X.T, delta1) + (lmbda / n) * p['W1'],
            'b1': delta1.sum(axis=0),
        }
        return C, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        iterations_per_epoch = max(n // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        eta = learning_rate
        for it in range(num_iters):
            mini = np.random.choice(n, batch_size)
            Xm, ym = X[mini], y[mini]
            C, grads = self.loss(Xm, y=ym, reg=reg)
            loss_history.append(C)
            for k in self.params:
                self.params[k] -= eta * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, C))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xm) == ym))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                eta *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.feedforward(X)[2], axis=1)
