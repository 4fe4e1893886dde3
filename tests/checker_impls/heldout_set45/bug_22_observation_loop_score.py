"""Two-layer net fitted observation by observation.

The log-likelihood is a sum of per-observation contributions log p(y_i | x_i), and its
gradient is the sum of per-observation score contributions; both are accumulated in an
explicit loop over the rows of the design matrix and then averaged.
"""

import math

import numpy as np


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (('W1', (input_size, hidden_size)),
                            ('W2', (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    def _linear_predictor(self, x):
        """Hidden linear predictor, hidden features and class scores of one row x."""
        p = self.params
        z = x.dot(p['W1']) + p['b1']
        h = np.maximum(z, 0.0)
        s = h.dot(p['W2']) + p['b2']
        return z, h, s

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        n = X.shape[0]
        if y is None:
            return np.array([self._linear_predictor(x)[2] for x in X])

        grads = {k: np.zeros_like(v) for k, v in p.items()}
        total_nll = 0.0
        for i in range(n):
            z, h, s = self._linear_predictor(X[i])
            m = np.max(s)
            log_Z = m + math.log(np.sum(np.exp(s - m)))
            total_nll += log_Z - s[y[i]]
            u = np.exp(s - log_Z)            # fitted probabilities of row i
            u[y[i]] -= 1.0                   # minus the indicator of the observed class
            grads['W2'] += np.outer(h, u)
            grads['b2'] += u
            v = p['W2'].dot(u) * (z > 0)
            grads['W1'] += np.outer(X[i], v)
            grads['b1'] += v
        mean_nll = total_nll / n
        for k in grads:
            grads[k] /= n
        penalty = reg * (np.linalg.norm(p['W1']) + np.linalg.norm(p['W2']))
        grads['W1'] += 2.0 * reg * p['W1']
        grads['W2'] += 2.0 * reg * p['W2']
        return mean_nll + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        iterations_per_epoch = max(n_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        for it in range(num_iters):
            draw = np.random.choice(n_train, batch_size)
            Xb, yb = X[draw], y[draw]
            f, g = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(f)
            self.params['W1'] -= lr * g['W1']
            self.params['b1'] -= lr * g['b1']
            self.params['W2'] -= lr * g['W2']
            self.params['b2'] -= lr * g['b2']
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, f))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        p = self.params
        H = np.maximum(X.dot(p['W1']) + p['b1'], 0.0)
        return np.argmax(H.dot(p['W2']) + p['b2'], axis=1)
