"""Two-layer net with the conventions of my vectorized softmax: a one-hot label matrix and the
SVM notebook's 0.5 * lambda * ||W||^2 penalty.

The notebook's net uses reg * ||W||^2, so lambda is taken as 2 * reg: the penalty is then
0.5 * (2 * reg) * ||W||^2 = reg * ||W||^2 and its gradient lambda * W = 2 * reg * W.
"""

import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]

        a1 = X.dot(W1)
        h1 = (a1 + b1) * (a1 > 0)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores

        Y = np.zeros_like(scores)  # one-hot labels, as in softmax_loss_vectorized
        Y[np.arange(N), y] = 1

        stable = scores - np.max(scores, axis=1, keepdims=True)
        log_norm = np.log(np.sum(np.exp(stable), axis=1, keepdims=True))
        log_probs = stable - log_norm
        data_loss = -np.sum(Y * log_probs) / N

        lam = 2.0 * reg
        reg_loss = 0.5 * lam * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss

        dscores = (np.exp(log_probs) - Y) / N
        dW2 = h1.T.dot(dscores) + lam * W2
        db2 = dscores.sum(axis=0)
        dh1 = dscores.dot(W2.T)
        da1 = dh1 * (a1 > 0)
        dW1 = X.T.dot(da1) + lam * W1
        db1 = da1.sum(axis=0)

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []
        epoch = 0

        for it in range(num_iters):
            indices = np.random.choice(num_train, batch_size)
            X_batch = X[indices]
            y_batch = y[indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k in self.params:
                self.params[k] = self.params[k] - learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                epoch += 1
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
