"""Two-layer net as a chain of small per-layer functions in the style of linear_svm.py / softmax.py.

Every function takes the weights first, like svm_loss_vectorized(W, X, y, reg), and returns
its output together with what the backward step needs.
"""

import numpy as np


def linear_forward(W, b, X):
    """Scores of a linear classifier: X.dot(W) + b."""
    return X.dot(W) + b


def linear_backward(W, X, dscores):
    """Gradients of a linear layer: (dW, db, dX)."""
    dW = X.T.dot(dscores)
    db = np.sum(dscores, axis=0)
    dX = dscores.dot(W.T)
    return dW, db, dX


def relu_forward(x):
    return np.maximum(0, x)


def relu_backward(x, dout):
    return dout * (x > 0)


def softmax_data_loss(scores, y):
    """Mean softmax cross-entropy of the scores and its gradient on the scores."""
    num_train = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    loss = -np.sum(log_probs[np.arange(num_train), y]) / num_train
    dscores = np.exp(log_probs)
    dscores[np.arange(num_train), y] -= 1
    dscores /= num_train
    return loss, dscores


def l2_regularization(W, reg):
    """The penalty of the linear classifiers, 0.5 * reg * sum(W * W), and its gradient."""
    return 0.5 * reg * np.sum(W * W), reg * W


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

        z1 = linear_forward(W1, b1, X)
        h1 = relu_forward(z1)
        scores = linear_forward(W2, b2, h1)
        if y is None:
            return scores

        data_loss, dscores = softmax_data_loss(scores, y)
        reg_loss1, dW1_reg = l2_regularization(W1, reg)
        reg_loss2, dW2_reg = l2_regularization(W2, reg)
        loss = data_loss + reg_loss1 + reg_loss2

        dW2, db2, dh1 = linear_backward(W2, h1, dscores)
        dz1 = relu_backward(z1, dh1)
        dW1, db1, _ = linear_backward(W1, X, dz1)

        grads = {'W1': dW1 + dW1_reg, 'b1': db1, 'W2': dW2 + dW2_reg, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name, param in self.params.items():
                param -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        h1 = relu_forward(linear_forward(W1, b1, X))
        return np.argmax(linear_forward(W2, b2, h1), axis=1)
