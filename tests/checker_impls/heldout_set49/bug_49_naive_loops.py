"""Two-layer net written first with explicit loops, like softmax_loss_naive / svm_loss_naive.

The forward and backward passes loop over the training examples (and, for the output layer's
gradient, over the classes, as svm_loss_naive did). Slow, but easy to check line by line.
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
        num_train = X.shape[0]
        num_hidden = W1.shape[1]
        num_classes = W2.shape[1]

        hidden = np.zeros((num_train, num_hidden))
        scores = np.zeros((num_train, num_classes))
        for i in range(num_train):
            hidden[i] = np.maximum(0, X[i].dot(W1) + b1)
            scores[i] = hidden[i].dot(W2) + b2
        if y is None:
            return scores

        loss = 0.0
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(num_train):
            f = scores[i] - np.max(scores[i])  # shift for numeric stability
            p = np.exp(f) / np.sum(np.exp(f))
            loss += -np.log(p[y[i]])

            dh = np.zeros(num_hidden)
            for j in range(num_classes):
                coeff = p[j] - (j == y[i])
                dW2[:, j] += coeff * hidden[i]
                db2[j] += coeff
                dh += coeff * W2[:, j]
            dh[hidden[i] <= 0] = 0
            dW1 += np.outer(X[i], dh)
            db1 += dh

        # Right now the loss is a sum over all training examples, but we want it
        # to be an average instead so we divide by num_train.
        loss /= num_train
        dW1 /= num_train
        db1 /= num_train
        dW2 /= num_train
        db2 /= num_train

        # Add regularization to the loss.
        loss += reg * np.sum(W1 * W1)
        loss += reg * np.sum(W2 * W2)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        # Run stochastic gradient descent to optimize the parameters
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            # Sample batch_size elements from the training data and their
            # corresponding labels to use in this round of gradient descent.
            # Sampling with replacement is faster than sampling without replacement.
            sample_index = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[sample_index, :]
            y_batch = y[sample_index]

            # evaluate loss and gradient
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # perform parameter update
            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] += -learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # Every epoch, check train and val accuracy and decay learning rate.
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X) == y))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.zeros(X.shape[0], dtype=int)
        for i in range(X.shape[0]):
            y_pred[i] = np.argmax(scores[i])
        return y_pred
