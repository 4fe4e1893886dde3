from __future__ import print_function, division

import numpy as np

try:
    xrange
except NameError:  # Python 3
    xrange = range


class TwoLayerNet(object):
    """
    A two-layer fully-connected neural network. The net has an input dimension of
    N, a hidden layer dimension of H, and performs classification over C classes.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ['W1', 'b1', 'W2', 'b2'])
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        hidden_in = np.dot(X, W1) + b1
        hidden = np.where(hidden_in > 0, hidden_in, 0)
        scores = np.dot(hidden, W2) + b2
        if y is None:
            return scores

        C = scores.shape[1]
        Y = np.zeros((N, C))
        Y[xrange(N), y] = 1

        scores_stable = scores - np.amax(scores, axis=1).reshape(N, 1)
        exp_scores = np.exp(scores_stable)
        probs = exp_scores / np.sum(exp_scores, axis=1).reshape(N, 1)
        loss = np.sum(-np.log(np.sum(probs * Y, axis=1))) / N
        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        grads = {}
        delta3 = (probs - Y) / N
        grads['W2'] = np.dot(hidden.T, delta3) + 2 * reg * W2
        grads['b2'] = np.sum(delta3, axis=0)
        delta2 = np.dot(delta3, W2.T)
        delta2[hidden_in <= 0] = 0
        grads['W1'] = np.dot(X.T, delta2) + 2 * reg * W1
        grads['b1'] = np.sum(delta2, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in xrange(num_iters):
            batch_indices = np.random.choice(num_train, batch_size)
            X_batch = X[batch_indices]
            y_batch = y[batch_indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params['W1'] += -learning_rate * grads['W1']
            self.params['b1'] += -learning_rate * grads['b1']
            self.params['W2'] += -learning_rate * grads['W2']
            self.params['b2'] += -learning_rate * grads['b2']

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        y_pred = np.argmax(self.loss(X), axis=1)
        return y_pred
