"""Two-layer net half-vectorised the way svm_loss_naive's inner loop was: vectorised over the
examples, with an explicit loop over the classes for the output layer and its gradient.
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
        num_classes = W2.shape[1]

        z1 = X.dot(W1) + b1
        h1 = np.maximum(0, z1)
        scores = np.zeros((num_train, num_classes))
        for j in range(num_classes):
            scores[:, j] = h1.dot(W2[:, j]) + b2[j]
        if y is None:
            return scores

        scores_max = np.max(scores, axis=1)
        exp_sum = np.zeros(num_train)
        for j in range(num_classes):
            exp_sum += np.exp(scores[:, j] - scores_max)
        correct_class_score = scores[np.arange(num_train), y]
        loss = np.mean(np.log(exp_sum) + scores_max - correct_class_score)
        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        dh1 = np.zeros_like(h1)
        for j in range(num_classes):
            coeff = np.exp(scores[:, j] - scores_max) / exp_sum - (y == j)
            coeff /= num_train
            dW2[:, j] = h1.T.dot(coeff)
            db2[j] = np.sum(coeff)
            dh1 += np.outer(coeff, W2[:, j])
        dW2 += 2 * reg * W2

        dz1 = dh1 * (z1 > 0)
        dW1 = X.T.dot(dz1) + reg * W1
        db1 = np.sum(dz1, axis=0)

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate

        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            batch_inds = np.random.choice(num_train, batch_size)
            X_batch = X[batch_inds]
            y_batch = y[batch_inds]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for param_name in self.params:
                self.params[param_name] -= lr * grads[param_name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
