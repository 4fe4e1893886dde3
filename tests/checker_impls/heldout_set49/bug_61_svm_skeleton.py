"""Two-layer net whose loss is my svm_loss_vectorized skeleton turned into softmax.

Same layout as the SVM: scores, the correct class scores, a per-example loss, then a
coefficient matrix on the scores that is chained back through the layers.
"""

import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        num_train = X.shape[0]

        hidden_scores = X.dot(W1) + b1
        hidden = np.maximum(0, hidden_scores)
        scores = hidden.dot(W2) + b2
        if y is None:
            return scores

        # svm_loss_vectorized, with the hinge replaced by the log-sum-exp
        scores = scores - np.max(scores, axis=1).reshape(-1, 1)
        correct_class_scores = scores[np.arange(num_train), y]
        log_sum = np.log(np.sum(np.exp(scores), axis=1))
        loss = np.sum(log_sum - correct_class_scores) / num_train
        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        # as with the SVM's binary matrix: the coefficient of each score in the loss
        coeff = np.exp(scores) / np.exp(log_sum).reshape(-1, 1)
        coeff[np.arange(num_train), y] -= 1
        coeff /= num_train

        dW2 = hidden.T.dot(coeff) + 2 * reg * W2
        db2 = np.sum(coeff, axis=0)
        dhidden = coeff.dot(W2.T)
        dhidden[hidden_scores <= 0] = 0
        dW1 = X.T.dot(dhidden) + 2 * reg * W1
        db1 = np.sum(dhidden, axis=0)

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params['W1'] -= learning_rate * grads['W1']
            self.params['b1'] -= learning_rate * grads['b1']
            self.params['W2'] -= learning_rate * grads['W2']
            self.params['b2'] -= learning_rate * grads['b2']

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
        scores = self.loss(X)
        return scores.argmax()
