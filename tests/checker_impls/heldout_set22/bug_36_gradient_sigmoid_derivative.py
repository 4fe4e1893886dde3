"""Backprop for a 1-hidden-layer net, following the textbook's derivation
(delta rule: delta_hidden = (delta_out W^T) * f'(net)), with a rectifier hidden layer."""
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
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        m = X.shape[0]

        net_h = np.dot(X, W1) + b1
        out_h = np.maximum(net_h, 0)
        net_o = np.dot(out_h, W2) + b2
        if y is None:
            return net_o

        shifted = net_o - np.max(net_o, axis=1, keepdims=True)
        out_o = np.exp(shifted) / np.sum(np.exp(shifted), axis=1, keepdims=True)
        E = -np.sum(np.log(out_o[np.arange(m), y])) / m
        E += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        delta_o = out_o.copy()
        delta_o[np.arange(m), y] -= 1
        delta_o /= m
        # f'(net_h) written in terms of the unit's output
        delta_h = np.dot(delta_o, W2.T) * out_h * (1 - out_h)

        grads = {
            'W2': np.dot(out_h.T, delta_o) + 2 * reg * W2,
            'b2': np.sum(delta_o, axis=0),
            'W1': np.dot(X.T, delta_h) + 2 * reg * W1,
            'b1': np.sum(delta_h, axis=0),
        }
        return E, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        eta = learning_rate
        for it in range(num_iters):
            pattern = np.random.choice(num_train, batch_size)
            Xb, yb = X[pattern], y[pattern]
            E, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(E)
            for w in self.params:
                self.params[w] -= eta * grads[w]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, E))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                eta *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
