"""A two-layer multinomial logit written class by class.

Each class k has its own linear predictor eta[:, k] = H w_k + b_k on the learned ReLU
features H; the log normalising constant is accumulated with np.logaddexp over the
classes, and the score equations are built one class at a time.
"""

import numpy as np


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        b1 = np.zeros(hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        b2 = np.zeros(output_size)
        self.params = {'W1': W1, 'b1': b1, 'W2': W2, 'b2': b2}

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        n, K = X.shape[0], W2.shape[1]
        eta1 = X.dot(W1) + b1
        H = np.maximum(0.0, eta1)
        eta = np.empty((n, K))
        for k in range(K):
            eta[:, k] = H.dot(W2[:, k]) + b2[k]
        if y is None:
            return eta

        lse = np.full(n, -np.inf)
        for k in range(K):
            lse = np.logaddexp(lse, eta[:, k])
        nll = np.mean(lse - eta[np.arange(n), y])
        penalty = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dW2 = np.empty_like(W2)
        db2 = np.empty_like(b2)
        dH = np.zeros_like(H)
        for k in range(K):
            r_k = (np.exp(eta[:, k] - lse) - (y == k)) / n   # residual of class k
            dW2[:, k] = H.T.dot(r_k)
            db2[k] = r_k.sum()
            dH += np.outer(r_k, W2[:, k])
        dW2 += 2 * reg * W2
        deta1 = dH * (eta1 > 0)
        dW1 = X.T.dot(deta1) + 2 * reg * W1
        db1 = deta1.sum(axis=0)
        return nll + penalty, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def _sgd_step(self, grads, lr):
        for name in self.params:
            self.params[name] -= lr * grads[name]

    def _hit_rate(self, X, y):
        """Proportion of correct classifications: the mean of the 0/1 indicators."""
        hits = 0
        for pred, obs in zip(self.predict(X), y):
            hits += int(pred != obs)
        return hits / len(y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        lr = learning_rate
        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample]
            y_batch = y[sample]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            self._sgd_step(grads, lr)
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(self._hit_rate(X_batch, y_batch))
                val_acc_history.append(self._hit_rate(X_val, y_val))
                lr *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        eta = self.loss(X)
        return np.argmax(eta, axis=1)
