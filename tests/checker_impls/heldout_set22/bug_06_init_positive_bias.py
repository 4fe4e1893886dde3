import numpy as np

try:
    xrange
except NameError:
    xrange = range


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """
        Weights are small random values; the hidden biases start at a small positive
        constant so that every ReLU unit fires at the start and gets some gradient.
        """
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = 0.01 * np.ones(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ('W1', 'b1', 'W2', 'b2'))
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        layer1 = np.dot(X, W1) + b1
        relu1 = np.maximum(0, layer1)
        scores = np.dot(relu1, W2) + b2
        if y is None:
            return scores

        scores_max = np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(scores - scores_max)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        correct_logprobs = -np.log(probs[xrange(N), y])
        loss = np.sum(correct_logprobs) / N
        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        grads = {}
        dscores = probs
        dscores[xrange(N), y] -= 1
        dscores /= N
        grads['W2'] = np.dot(relu1.T, dscores) + 2 * reg * W2
        grads['b2'] = np.sum(dscores, axis=0)
        drelu1 = np.dot(dscores, W2.T)
        drelu1[layer1 <= 0] = 0
        grads['W1'] = np.dot(X.T, drelu1) + 2 * reg * W1
        grads['b1'] = np.sum(drelu1, axis=0)
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
            indices = np.random.choice(num_train, batch_size)
            X_batch = X[indices]
            y_batch = y[indices]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for param in ['W1', 'b1', 'W2', 'b2']:
                self.params[param] += -learning_rate * grads[param]
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
