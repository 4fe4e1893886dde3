"""Two-layer net written with small R-flavoured helpers.

crossprod(A, B) is t(A) %*% B, colSums / rowMaxs / nrow as in R, pmax0 is pmax(A, 0).
The data term is the mean negative log-likelihood of the multinomial logit on the
hidden features, the penalty reg * (sum(W1^2) + sum(W2^2)).
"""

import numpy as np


def nrow(A):
    return A.shape[0]


def crossprod(A, B):
    return A.T @ B


def colSums(A):
    return A.sum(axis=0)


def rowMaxs(A):
    return A.max(axis=1, keepdims=True)


def pmax0(A):
    return np.maximum(A, 0)


def log_softmax(eta):
    m = rowMaxs(eta)
    return eta - (m + np.log(np.sum(np.exp(eta - m), axis=1, keepdims=True)))


def softmax(eta):
    e = np.exp(eta - rowMaxs(eta))
    return e / np.sum(e, axis=1, keepdims=True)


def mean(x):
    return float(np.mean(x))


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {'W1': None, 'b1': None, 'W2': None, 'b2': None}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        n = nrow(X)
        eta1 = X @ W1 + b1
        H = pmax0(eta1)
        eta2 = H @ W2 + b2
        if y is None:
            return eta2

        logP = log_softmax(eta2)
        loglik = logP[np.arange(n), y]
        J = -mean(loglik) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        R = softmax(eta2)
        R[np.arange(n), y] -= 1
        R /= n
        dH = R @ W2.T
        dEta1 = dH * (eta1 > 0)
        grads = {
            'W1': crossprod(X, dEta1) + 2 * reg * W1,
            'b1': colSums(dH),
            'W2': crossprod(H, R) + 2 * reg * W2,
            'b2': colSums(R),
        }
        return J, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = nrow(X)
        iterations_per_epoch = max(N // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            b = np.random.choice(N, batch_size)
            Xb = X[b, :]
            yb = y[b]
            J, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(J)
            for name in grads:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, J))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(mean(self.predict(Xb) == yb))
                val_acc_history.append(mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return dict(loss_history=loss_history,
                    train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
