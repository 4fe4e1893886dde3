"""Two-layer net assembled from my linear-classifier code (softmax.py, linear_classifier.py).

Both layers use the bias trick from the SVM/softmax exercises: a column of ones is appended
to the layer's input and the bias is stacked under the weights as an extra row, so each layer
is one X.dot(W). The parameters are still stored separately as W1, b1, W2, b2.
"""

import numpy as np


def add_bias_dimension(X):
    """Append a column of ones to X, as was done to the CIFAR-10 rows for the linear classifiers."""
    return np.hstack([X, np.ones((X.shape[0], 1))])


def fold_bias(W, b):
    """Stack b under W, so that add_bias_dimension(X).dot(fold_bias(W, b)) == X.dot(W) + b."""
    return np.vstack([W, b])


def softmax_loss_vectorized(W, X, y, reg):
    """Softmax loss of the linear classifier W on X, from softmax.py.

    W: (D + 1, C) with the bias as its last row; X: (N, D + 1) with the ones column last.
    The bias row is left out of the L2 penalty.
    Returns the loss, dW and (new for the net) dX, the gradient on the classifier's input.
    """
    num_train = X.shape[0]
    scores = X.dot(W)
    scores -= np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(scores)
    probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
    loss = -np.sum(np.log(probs[np.arange(num_train), y])) / num_train
    loss += reg * np.sum(W[:-1] * W[:-1])

    dscores = probs.copy()
    dscores[np.arange(num_train), y] -= 1
    dscores /= num_train
    dW = X.T.dot(dscores)
    dW[:-1] += 2 * reg * W[:-1]
    dX = dscores.dot(W.T)
    return loss, dW, dX


def l2_penalty(W, reg):
    """reg * ||W||^2 without the bias row (the last row), and its gradient."""
    loss = reg * np.sum(W[:-1] * W[:-1])
    dW = np.zeros_like(W)
    dW[:-1] = 2 * reg * W[:-1]
    return loss, dW


class TwoLayerNet(object):
    """input - fully connected - ReLU - fully connected - softmax, with a handwritten backward pass."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1 = fold_bias(self.params['W1'], self.params['b1'])  # (D + 1, H)
        W2 = fold_bias(self.params['W2'], self.params['b2'])  # (H + 1, C)

        X1 = add_bias_dimension(X)
        hidden = np.maximum(0, X1.dot(W1))
        H1 = add_bias_dimension(hidden)
        scores = H1.dot(W2)
        if y is None:
            return scores

        # The output layer is exactly the softmax classifier, run on the hidden features.
        out_loss, dW2, dH1 = softmax_loss_vectorized(W2, H1, y, reg)
        reg_loss, dW1_reg = l2_penalty(W1, reg)
        loss = out_loss + reg_loss

        dhidden = dH1[:, :-1]  # the ones column has nothing upstream
        dhidden[hidden <= 0] = 0
        dW1 = X1.T.dot(dhidden) + dW1_reg

        grads = {
            'W1': dW1[:-1], 'b1': dW1[-1],
            'W2': dW2[:-1], 'b2': dW2[-1],
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train, dim = X.shape
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            X_batch = None
            y_batch = None
            batch_indices = np.random.choice(num_train, batch_size)
            X_batch = X[batch_indices]
            y_batch = y[batch_indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for p in self.params:
                self.params[p] -= learning_rate * grads[p]

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
