"""MAP estimation of a two-layer multinomial logit model.

The weights get independent N(0, 1/tau) priors with precision tau = 2 * reg, so the
negative log-prior is, up to a constant, tau/2 * ||W||^2 = reg * ||W||^2; the biases
(intercepts) get a flat prior. The log normalising constant of the multinomial is
taken with np.logaddexp.reduce.
"""

import numpy as np


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        theta = {}
        theta['W1'] = std * np.random.randn(input_size, hidden_size)
        theta['b1'] = np.zeros(hidden_size)
        theta['W2'] = std * np.random.randn(hidden_size, output_size)
        theta['b2'] = np.zeros(output_size)
        self.params = theta

    @staticmethod
    def _neg_log_prior(W, tau):
        """-log N(W | 0, 1/tau) summed over entries, constants dropped."""
        return 0.5 * tau * np.sum(W * W)

    def loss(self, X, y=None, reg=0.0):
        theta = self.params
        n = X.shape[0]
        eta1 = X.dot(theta['W1']) + theta['b1']
        mu1 = np.maximum(0, eta1)
        eta2 = mu1.dot(theta['W2']) + theta['b2']
        if y is None:
            return eta2

        log_P = eta2 - np.logaddexp.reduce(eta2, axis=1, keepdims=True)
        log_lik = log_P[np.arange(n), y]                 # log P(y_i | x_i, theta)
        tau = 2.0 * reg                                  # prior precision
        neg_log_post = (-np.mean(log_lik)
                        + self._neg_log_prior(theta['W1'], tau)
                        + self._neg_log_prior(theta['W2'], tau))

        G2 = np.exp(log_P)
        G2[np.arange(n), y] -= 1.0                       # mu - Y
        grads = {}
        grads['W2'] = mu1.T.dot(G2) / n + tau * theta['W2']
        grads['b2'] = G2.sum(axis=0) / n
        G1 = G2.dot(theta['W2'].T) / n * (eta1 > 0)
        grads['W1'] = X.T.dot(G1) + tau * theta['W1']
        grads['b1'] = G1.sum(axis=0)
        return neg_log_post, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_obs = X.shape[0]
        iterations_per_epoch = max(n_obs // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        epochs_done = 0
        for it in range(num_iters):
            step = learning_rate * learning_rate_decay ** epochs_done
            rows = np.random.choice(n_obs, batch_size)
            X_b, y_b = X[rows], y[rows]
            value, grads = self.loss(X_b, y=y_b, reg=reg)
            history['loss_history'].append(value)
            for name, g in grads.items():
                self.params[name] -= step * (n_obs / batch_size) * g
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % iterations_per_epoch == 0:
                history['train_acc_history'].append(np.mean(self.predict(X_b) == y_b))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                epochs_done += 1
        return history

    def predict(self, X):
        eta = self.loss(X)
        nll = -(eta - np.logaddexp.reduce(eta, axis=1, keepdims=True))
        return np.argmin(nll, axis=1)
