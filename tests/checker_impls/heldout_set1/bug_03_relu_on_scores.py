import numpy as np


def relu(x):
    return np.maximum(0, x)


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        N = X.shape[0]

        # layer 1
        layer1 = relu(X.dot(W1) + b1)
        # layer 2
        scores = relu(layer1.dot(W2) + b2)

        if y is None:
            return scores

        scores_stable = scores - np.max(scores, axis=1, keepdims=True)
        exps = np.exp(scores_stable)
        probs = exps / np.sum(exps, axis=1, keepdims=True)
        loss = -np.sum(np.log(probs[np.arange(N), y])) / N
        loss += reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        dout = probs
        dout[np.arange(N), y] -= 1
        dout /= N

        grads = {}
        grads['W2'] = layer1.T.dot(dout) + 2 * reg * W2
        grads['b2'] = dout.sum(axis=0)
        dlayer1 = dout.dot(W2.T)
        dlayer1 = dlayer1 * (layer1 > 0)
        grads['W1'] = X.T.dot(dlayer1) + 2 * reg * W1
        grads['b1'] = dlayer1.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample, :]
            y_batch = y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params['W1'] -= learning_rate * grads['W1']
            self.params['b1'] -= learning_rate * grads['b1']
            self.params['W2'] -= learning_rate * grads['W2']
            self.params['b2'] -= learning_rate * grads['b2']

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
