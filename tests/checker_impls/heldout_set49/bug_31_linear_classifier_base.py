"""Two-layer net as a subclass of my LinearClassifier, whose train/predict were generalised
from the single weight matrix self.W to the dict self.params.

The subclass only supplies the loss, as LinearSVM and Softmax did.
"""

import numpy as np


class LinearClassifier(object):

    def __init__(self, learning_rate=1e-3):
        self.params = None
        self.learning_rate = learning_rate

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Train this classifier using stochastic gradient descent."""
        num_train, dim = X.shape
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            batch_idx = np.random.choice(num_train, batch_size)
            X_batch = X[batch_idx]
            y_batch = y[batch_idx]

            # evaluate loss and gradient
            loss, grad = self.loss(X_batch, y_batch, reg)
            loss_history.append(loss)

            # perform parameter update
            for k in self.params:
                self.params[k] -= self.learning_rate * grad[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        """Use the trained weights to predict labels for data points."""
        y_pred = np.zeros(X.shape[0])
        y_pred = np.argmax(self.loss(X), axis=1)
        return y_pred

    def loss(self, X_batch, y_batch=None, reg=0.0):
        """Compute the loss function and its derivative. Subclasses will override this."""
        raise NotImplementedError


class TwoLayerNet(LinearClassifier):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        super(TwoLayerNet, self).__init__()
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {'W1': W1, 'b1': np.zeros(hidden_size),
                       'W2': W2, 'b2': np.zeros(output_size)}

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        N = X.shape[0]

        pre = X.dot(p['W1']) + p['b1']
        act = np.maximum(0, pre)
        scores = act.dot(p['W2']) + p['b2']
        if y is None:
            return scores

        scores = scores - scores.max(axis=1, keepdims=True)
        exp_scores = np.exp(scores)
        probs = exp_scores / exp_scores.sum(axis=1, keepdims=True)
        loss = np.mean(-np.log(probs[np.arange(N), y]))
        loss += reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))

        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = {}
        grads['W2'] = act.T.dot(dscores) + 2 * reg * p['W2']
        grads['b2'] = dscores.sum(axis=0)
        dact = dscores.dot(p['W2'].T)
        dpre = np.where(pre > 0, dact, 0.0)
        grads['W1'] = X.T.dot(dpre) + 2 * reg * p['W1']
        grads['b1'] = dpre.sum(axis=0)
        return loss, grads
