"""Translated line by line from my Octave solution (ex4-style backprop)."""
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

        z2 = X.dot(W1) + b1
        a2 = np.maximum(z2, 0)
        z3 = a2.dot(W2) + b2
        if y is None:
            return z3

        K = z3.shape[1]
        Y = np.eye(K)[y]
        z3s = z3 - z3.max(axis=1, keepdims=True)
        h = np.exp(z3s) / np.exp(z3s).sum(axis=1, keepdims=True)
        J = -np.sum(Y * np.log(h)) / m + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        d3 = (h - Y) / m
        d2 = d3.dot(W2.T) * (z2 > 0)

        # Theta_grad = 2*lambda*Theta;  Theta_grad += a' * d
        W1_grad = W1
        W1_grad *= 2 * reg
        W1_grad += X.T.dot(d2)
        W2_grad = W2
        W2_grad *= 2 * reg
        W2_grad += a2.T.dot(d3)
        b1_grad = d2.sum(axis=0)
        b2_grad = d3.sum(axis=0)
        return J, {'W1': W1_grad, 'b1': b1_grad, 'W2': W2_grad, 'b2': b2_grad}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        m = X.shape[0]
        iterations_per_epoch = max(m // batch_size, 1)
        J_history, train_acc_history, val_acc_history = [], [], []
        alpha = learning_rate
        for it in range(num_iters):
            sel = np.random.choice(m, batch_size)
            Xb = X[sel]
            yb = y[sel]
            J, grad = self.loss(Xb, y=yb, reg=reg)
            J_history.append(J)
            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] = self.params[name] - alpha * grad[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, J))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                alpha = alpha * learning_rate_decay
        return {'loss_history': J_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
