"""Two-layer net assembled from small statistical model pieces.

ReluFeatures builds the learned covariates, MultinomialLogit is a multinomial logistic
regression on them (log-likelihood and its gradient), GaussianPrior is an independent
N(0, sigma^2) prior on each weight with reg = 1 / (2 sigma^2), and StepSize is the
per-epoch geometric step-size schedule.
"""

import numpy as np


class GaussianPrior:
    """Negative log-density (constants dropped) of iid N(0, sigma^2) weights."""

    def __init__(self, reg):
        self.reg = reg                  # 1 / (2 sigma^2)

    def neg_log_density(self, W):
        return self.reg * np.sum(W ** 2)

    def score(self, W):
        return 2.0 * self.reg * W


class ReluFeatures:

    def forward(self, X, W, b):
        self.X = X
        self.eta = X.dot(W) + b
        return np.maximum(self.eta, 0)

    def backward(self, dH):
        d_eta = dH * (self.eta > 0)
        return self.X.T.dot(d_eta), d_eta.sum(axis=0)


class MultinomialLogit:

    def forward(self, H, W, b):
        self.H, self.W = H, W
        return H.dot(W) + b

    def loglik(self, eta, y):
        self.n = eta.shape[0]
        self.log_p = eta - np.logaddexp.reduce(eta, axis=1)[:, None]
        return np.sum(self.log_p[np.arange(self.n), y])

    def backward(self, y):
        """Gradient of the mean negative log-likelihood: (W, b, H)."""
        r = np.exp(self.log_p)
        r[np.arange(self.n), y] -= 1.0
        r /= self.n
        return self.H.T.dot(r), r.sum(axis=0), r.dot(self.W.T)


class StepSize:

    def __init__(self, alpha0, rho):
        self.alpha, self.rho = alpha0, rho

    def shrink(self):
        self.alpha *= self.rho


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        hidden, head = ReluFeatures(), MultinomialLogit()
        H = hidden.forward(X, p['W1'], p['b1'])
        eta = head.forward(H, p['W2'], p['b2'])
        if y is None:
            return eta

        n = X.shape[0]
        data = -head.loglik(eta, y) / n
        dW2, db2, dH = head.backward(y)
        dW1, db1 = hidden.backward(dH)
        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        prior = GaussianPrior(reg)
        penalty = 0.0
        for name in ('W1', 'W2'):
            penalty += prior.neg_log_density(p[name])
            grads[name] = grads[name] + prior.score(p[name])
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        iters_per_epoch = max(n // batch_size, 1)
        schedule = StepSize(learning_rate, learning_rate_decay)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            rows = np.random.choice(n, batch_size)
            Xb, yb = X[rows], y[rows]
            value, grads = self.loss(Xb, yb, reg=reg)
            loss_history.append(value)
            for name in self.params:
                self.params[name] -= grads[name] / schedule.alpha
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % iters_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                schedule.shrink()
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        p = self.params
        H = ReluFeatures().forward(X, p['W1'], p['b1'])
        eta = MultinomialLogit().forward(H, p['W2'], p['b2'])
        return np.argmax(eta, axis=1)
