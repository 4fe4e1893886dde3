import numpy as np


class TwoLayerNet(object):
    """
    A two-layer fully-connected neural network. The net has an input dimension of
    D, a hidden layer dimension of H, and performs classification over C classes.
    We train the network with a softmax loss function and L2 regularization on the
    weight matrices. The network uses a ReLU nonlinearity after the first fully
    connected layer.
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
        net.params = {}
        for k in ('W1', 'b1', 'W2', 'b2'):
            net.params[k] = np.array(params[k], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        # Unpack variables from the params dictionary
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        # Compute the forward pass
        z1 = np.dot(X, W1) + b1
        h1 = np.maximum(z1, 0)
        scores = np.dot(h1, W2) + b2

        # If the targets are not given then jump out, we're done
        if y is None:
            return scores

        # Compute the loss
        scores_shift = scores - np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(scores_shift)
        sum_exp = np.sum(exp_scores, axis=1, keepdims=True)
        probs = exp_scores / sum_exp
        log_probs = scores_shift - np.log(sum_exp)
        correct_logprobs = -log_probs[np.arange(N), y]
        data_loss = np.sum(correct_logprobs) / N
        reg_loss = reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)
        loss = data_loss + reg_loss

        # Backward pass: compute gradients
        grads = {}
        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N

        grads['W2'] = np.dot(h1.T, dscores) + 2 * reg * W2
        grads['b2'] = np.sum(dscores, axis=0)

        dhidden = np.dot(dscores, W2.T)
        dhidden[z1 <= 0] = 0
        grads['W1'] = np.dot(X.T, dhidden) + 2 * reg * W1
        grads['b1'] = np.sum(dhidden, axis=0)

        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        # Use SGD to optimize the parameters in self.model
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            sample_indices = np.random.choice(num_train, batch_size)
            X_batch = X[sample_indices]
            y_batch = y[sample_indices]

            if it % iterations_per_epoch == 0:
                learning_rate *= learning_rate_decay

            # Compute loss and gradients using the current minibatch
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

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

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.argmax(scores, axis=1)
        return y_pred
