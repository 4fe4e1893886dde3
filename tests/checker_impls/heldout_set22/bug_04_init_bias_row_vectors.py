"""Port of a MATLAB two-layer network (biases kept as 1-by-n row vectors, as in the
original code, and broadcast over the rows of X)."""
import numpy as np


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros((1, hidden_size))
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros((1, output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']; b1 = self.params['b1']
        W2 = self.params['W2']; b2 = self.params['b2']
        m = X.shape[0]

        Z1 = np.dot(X, W1) + b1
        A1 = np.maximum(Z1, 0)
        Z2 = np.dot(A1, W2) + b2
        if y is None:
            return Z2

        K = Z2.shape[1]
        Y = np.zeros((m, K))
        Y[np.arange(m), y] = 1.0
        Z2s = Z2 - np.max(Z2, axis=1, keepdims=True)
        P = np.exp(Z2s)
        P = P / np.sum(P, axis=1, keepdims=True)
        J = -np.sum(Y * np.log(P)) / m + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dZ2 = (P - Y) / m
        dW2 = np.dot(A1.T, dZ2) + 2 * reg * W2
        db2 = np.sum(dZ2, axis=0)
        dA1 = np.dot(dZ2, W2.T)
        dZ1 = dA1 * (Z1 > 0)
        dW1 = np.dot(X.T, dZ1) + 2 * reg * W1
        db1 = np.sum(dZ1, axis=0)
        return J, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample, :]
            y_batch = y[sample]
            J, g = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(J)
            self.params['W1'] -= learning_rate * g['W1']
            self.params['b1'] -= learning_rate * g['b1']
            self.params['W2'] -= learning_rate * g['W2']
            self.params['b2'] -= learning_rate * g['b2']
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, J))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
