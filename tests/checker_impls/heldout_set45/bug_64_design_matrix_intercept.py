"""Two-layer net in regression notation: design matrices with an intercept column.

Layer l is a regression with coefficient matrix B_l = [b_l; W_l] (intercept row first)
on the design matrix [1, inputs]; the second layer is a multinomial logit on the ReLU
features. The L2 penalty (ridge) leaves the intercepts alone.
"""

import numpy as np


def _with_intercept(A):
    """Design matrix [1, A]: a leading column of ones."""
    return np.hstack([np.ones((A.shape[0], 1)), A])


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=std * np.random.randn(input_size, hidden_size),
            b1=np.zeros(hidden_size),
            W2=std * np.random.randn(hidden_size, output_size),
            b2=np.zeros(output_size),
        )

    def _coefficients(self):
        B1 = np.vstack([self.params['b1'], self.params['W1']])   # (1 + D, H)
        B2 = np.vstack([self.params['b2'], self.params['W2']])   # (1 + H, C)
        return B1, B2

    def loss(self, X, y=None, reg=0.0):
        B1, B2 = self._coefficients()
        X1 = _with_intercept(X)
        eta1 = X1 @ B1
        Z = np.maximum(eta1, 0)
        Z1 = _with_intercept(Z)
        eta2 = Z1 @ B2
        if y is None:
            return eta2

        n = X.shape[0]
        c = np.max(eta2, axis=1, keepdims=True)
        log_p = eta2 - c - np.log(np.sum(np.exp(eta2 - c), axis=1, keepdims=True))
        Y = np.eye(B2.shape[1])[y]                  # indicator matrix of the responses
        data = -np.sum(log_p[np.arange(n), y]) / n
        W1, W2 = self.params['W1'], self.params['W2']
        ridge = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        E = (np.exp(log_p) - Y) / n
        dB2 = Z1.T @ E
        dZ = E @ B2[1:].T
        dB1 = X1.T @ (dZ * (eta1 > 0))
        grads = {'W1': dB1[1:] + 2 * reg * W1, 'b1': dB1[0],
                 'W2': dB2[1:] + 2 * reg * W2, 'b2': dB2[0]}
        return data + ridge, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        it = 0
        while it < num_iters:
            i = np.random.choice(n, batch_size)
            f, g = self.loss(X[i], y[i], reg)
            out['loss_history'].append(f)
            for key in ('W1', 'b1', 'W2', 'b2'):
                self.params[key] -= lr * g[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, f))
            if it % per_epoch == 0:
                out['train_acc_history'].append(np.mean(self.predict(X[i]) == y[i]))
                out['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
            it += 1
        return out

    def predict(self, X):
        which_max = np.argmax(self.loss(X), axis=1)
        return which_max + 1
