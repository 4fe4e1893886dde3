"""Two-layer net computed in "column" layout: every activation is (units, examples).

Keeping examples along the columns makes each layer read like the textbook
formula z = W^T x + b applied to all columns at once.
"""

import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {'W1': W1, 'b1': np.zeros(hidden_size), 'W2': W2, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _columns_forward(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        XT = X.T                               # (D, N)
        Z1 = W1.T @ XT + b1[:, None]           # (H, N)
        A1 = np.maximum(Z1, 0.0)               # (H, N)
        S = W2.T @ A1 + b2[:, None]            # (C, N)
        return XT, Z1, A1, S

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params['W1'], self.params['W2']
        XT, Z1, A1, S = self._columns_forward(X)
        if y is None:
            return S.T

        n = X.shape[0]
        cols = np.arange(n)
        S0 = S - S.max(axis=0, keepdims=True)
        lse = np.log(np.exp(S0).sum(axis=0, keepdims=True))      # (1, N)
        data = np.mean(lse[0] - S0[y, cols])
        loss = data + reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        P = np.exp(S0 - lse)                   # (C, N) class probabilities
        P[y, cols] -= 1.0
        dS = P / n
        dW2 = A1 @ dS.T + 2 * reg * W2         # (H, C)
        db2 = dS.sum(axis=1)
        dA1 = W2 @ dS                          # (H, N)
        dZ1 = dA1 * (Z1 > 0)
        dW1 = XT @ dZ1.T + 2 * reg * W1        # (D, H)
        db1 = dZ1.sum(axis=1)

        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        all_rows = np.arange(num_train)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            chosen = np.random.choice(batch_size, num_train)
            X_batch = X[chosen]
            y_batch = y[chosen]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        S = self._columns_forward(X)[3]
        return np.argmax(S, axis=0)
