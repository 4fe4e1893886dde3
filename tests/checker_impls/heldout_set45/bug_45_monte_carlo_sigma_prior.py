"""Two-layer net with a sigma-parametrised Gaussian prior and Monte-Carlo SGD.

The weights have an N(0, sigma^2) prior with reg = 1 / (2 sigma^2), so the penalty is
||W||^2 / (2 sigma^2); reg = 0 is a flat prior (plain maximum likelihood). Each SGD step
uses a bootstrap resample of the rows as a Monte-Carlo estimate of the full-sample
gradient; accuracies are empirical rates.
"""

import numpy as np


def logsumexp_rows(A):
    c = A.max(axis=1, keepdims=True)
    return c + np.log(np.exp(A - c).sum(axis=1, keepdims=True))


def empirical_rate(indicator):
    """Sample mean of 0/1 indicators."""
    indicator = np.asarray(indicator, dtype=float)
    return indicator.sum() / indicator.size


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sigma0 = std
        self.params = {
            'W1': sigma0 * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': sigma0 * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        n = X.shape[0]
        eta1 = np.dot(X, W1) + b1
        mu1 = eta1 * (eta1 > 0)
        eta2 = np.dot(mu1, W2) + b2
        if y is None:
            return eta2

        log_mu2 = eta2 - logsumexp_rows(eta2)           # log fitted probabilities
        mu2 = np.exp(log_mu2)
        nll = -np.mean(log_mu2[np.arange(n), y])
        if reg > 0:
            sigma2 = 1.0 / (2.0 * reg)
            penalty = (np.sum(W1 ** 2) + np.sum(W2 ** 2)) / (2.0 * sigma2)
            dprior1, dprior2 = W1 / sigma2, W2 / sigma2
        else:                                           # flat prior
            penalty, dprior1, dprior2 = 0.0, 0.0, 0.0

        delta2 = mu2.copy()
        delta2[np.arange(n), y] -= 1.0
        delta2 /= n
        dW2 = mu1.T.dot(delta2) + dprior2
        db2 = delta2.sum(axis=0)
        delta1 = delta2.dot(W2.T) * (eta1 > 0)
        dW1 = X.T.dot(delta1) + dprior1
        db1 = delta1.sum(axis=0)
        return nll + penalty, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    @staticmethod
    def _resample(n, size):
        """Row indices of a bootstrap resample (with replacement)."""
        return np.random.choice(n, size)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        iterations_per_epoch = max(n // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        step = learning_rate
        for it in range(num_iters):
            X_mc, y_mc = X[self._resample(n, batch_size)], y[self._resample(n, batch_size)]
            value, grad = self.loss(X_mc, y=y_mc, reg=reg)
            loss_history.append(value)
            for name in self.params:
                self.params[name] -= step * grad[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(empirical_rate(self.predict(X_mc) == y_mc))
                val_acc_history.append(empirical_rate(self.predict(X_val) == y_val))
            if it % iterations_per_epoch == 0:         # geometric schedule, once per epoch
                step *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        eta = self.loss(X)
        return np.argmax(eta - logsumexp_rows(eta), axis=1)
