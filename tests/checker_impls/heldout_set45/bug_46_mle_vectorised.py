"""Two-layer net as multinomial logistic regression on learned ReLU features.

theta = (W1, b1, W2, b2). The objective is the mean negative log-likelihood of a
multinomial model plus an L2 penalty reg * (||W1||^2 + ||W2||^2); the minibatch
objective is a resampling estimate of the full-sample one.
"""

import numpy as np


class TwoLayerNet:
    """input - affine - ReLU - affine - multinomial logit, fitted by penalised ML."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        n = X.shape[0]
        eta1 = X @ W1 + b1                  # linear predictor of the hidden layer
        H = np.maximum(eta1, 0.0)           # learned covariates
        eta = H @ W2 + b2                   # multinomial linear predictor (logits)
        if y is None:
            return eta

        m = eta.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(eta - m).sum(axis=1, keepdims=True))
        loglik = eta - lse                  # log P(Y = c | x)
        nll = -loglik[np.arange(n), y].mean()
        penalty = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        mu = np.exp(loglik)                 # fitted probabilities
        Y = np.zeros_like(mu)
        Y[np.arange(n), y] = 1.0
        resid = (mu - Y) / n                # d nll / d eta
        dW2 = H.T @ resid + 2.0 * reg * W2
        db2 = resid.sum(axis=0)
        dH = resid @ W2.T
        deta1 = dH * (eta1 > 0)
        dW1 = X.T @ deta1 + 2.0 * reg * W1
        db1 = deta1.sum(axis=0)
        return nll + penalty, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_obs = X.shape[0]
        iterations_per_epoch = max(n_obs // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        alpha = learning_rate
        for it in range(num_iters):
            idx = np.random.choice(n_obs - 1, batch_size)  # resample rows with replacement
            nll, score = self.loss(X[idx], y=y[idx], reg=reg)
            loss_history.append(nll)
            for k in self.params:
                self.params[k] -= alpha * score[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, nll))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X[idx]) == y[idx]))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                alpha *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        eta = self.loss(X)
        return np.argmax(eta, axis=1)
