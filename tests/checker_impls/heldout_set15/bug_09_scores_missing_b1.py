from __future__ import print_function

import numpy as np


class TwoLayerNet(object):
    """
    A two-layer fully-connected neural network. The net has an input dimension of
    N, a hidden layer dimension of H, and performs classification over C classes.
    We train the network with a softmax loss function and L2 regularization on the
    weight matrices. The network uses a ReLU nonlinearity after the first fully
    connected layer.

    In other words, the network has the following architecture:

    input - fully connected layer - ReLU - fully connected layer - softmax

    The outputs of the second fully-connected layer are the scores for each class.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """
        Initialize the model. Weights are initialized to small random values and
        biases are initialized to zero. Weights and biases are stored in the
        variable self.params, which is a dictionary with the following keys:

        W1: First layer weights; has shape (D, H)
        b1: First layer biases; has shape (H,)
        W2: Second layer weights; has shape (H, C)
        b2: Second layer biases; has shape (C,)
        """
        sizes = [input_size, hidden_size, output_size]
        self.params = {}
        for i in range(2):
            self.params['W%d' % (i + 1)] = std * np.random.randn(sizes[i], sizes[i + 1])
            self.params['b%d' % (i + 1)] = np.zeros(sizes[i + 1])

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ('W1', 'b1', 'W2', 'b2'))
        return net

    def _forward(self, X):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        pre = np.dot(X, W1)
        act = np.maximum(pre, 0.0)
        out = np.dot(act, W2) + b2
        return out, (X, pre, act)

    def _softmax_xent(self, scores, y):
        N = scores.shape[0]
        m = np.max(scores, axis=1, keepdims=True)
        logZ = m + np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))
        log_probs = scores - logZ
        data_loss = -np.mean(log_probs[np.arange(N), y])
        probs = np.exp(log_probs)
        return data_loss, probs

    def _backward(self, dscores, cache, reg):
        X, pre, act = cache
        W1, W2 = self.params['W1'], self.params['W2']
        grads = {}
        grads['W2'] = np.dot(act.T, dscores) + 2 * reg * W2
        grads['b2'] = np.sum(dscores, axis=0)
        dact = np.dot(dscores, W2.T)
        dpre = dact * (pre > 0)
        grads['W1'] = np.dot(X.T, dpre) + 2 * reg * W1
        grads['b1'] = np.sum(dpre, axis=0)
        return grads

    def loss(self, X, y=None, reg=0.0):
        """
        Compute the loss and gradients for a two layer fully connected neural
        network.

        Returns:
        If y is None, return a matrix scores of shape (N, C) where scores[i, c] is
        the score for class c on input X[i].

        If y is not None, instead return a tuple of:
        - loss: Loss (data loss and regularization loss) for this batch of training
          samples.
        - grads: Dictionary mapping parameter names to gradients of those parameters
          with respect to the loss function; has the same keys as self.params.
        """
        # Compute the forward pass
        scores, cache = self._forward(X)

        # If the targets are not given then jump out, we're done
        if y is None:
            return scores

        # Compute the loss
        N = X.shape[0]
        data_loss, probs = self._softmax_xent(scores, y)
        reg_loss = reg * (np.sum(np.square(self.params['W1'])) + np.sum(np.square(self.params['W2'])))
        loss = data_loss + reg_loss

        # Backward pass: compute gradients
        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = self._backward(dscores, cache, reg)

        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        """
        Train this neural network using stochastic gradient descent.
        """
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        # Use SGD to optimize the parameters in self.model
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            #########################################################################
            # Create a random minibatch of training data and labels, storing
            # them in X_batch and y_batch respectively.
            #########################################################################
            indices = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[indices]
            y_batch = y[indices]

            # Compute loss and gradients using the current minibatch
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            #########################################################################
            # Use the gradients in the grads dictionary to update the
            # parameters of the network (stored in the dictionary self.params)
            # using stochastic gradient descent.
            #########################################################################
            self.params['W1'] -= learning_rate * grads['W1']
            self.params['b1'] -= learning_rate * grads['b1']
            self.params['W2'] -= learning_rate * grads['W2']
            self.params['b2'] -= learning_rate * grads['b2']

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # Every epoch, check train and val accuracy and decay learning rate.
            if it % iterations_per_epoch == 0:
                # Check accuracy
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)

                # Decay learning rate
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        """
        Use the trained weights of this two-layer network to predict labels for
        data points. For each data point we predict scores for each of the C
        classes, and assign each data point to the class with the highest score.
        """
        scores, _ = self._forward(X)
        y_pred = np.argmax(scores, axis=1)
        return y_pred
