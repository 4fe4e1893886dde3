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
        num_examples = X.shape[0]

        z1 = np.dot(X, W1) + b1
        a1 = np.maximum(0, z1)
        scores = np.dot(a1, W2) + b2
        if y is None:
            return scores

        stable = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = stable - np.log(np.sum(np.exp(stable)))
        loss = -np.sum(log_probs[np.arange(num_examples), y]) / num_examples
        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        dscores = np.exp(log_probs)
        dscores[np.arange(num_examples), y] -= 1
        dscores /= num_examples

        dW2 = np.dot(a1.T, dscores) + 2 * reg * W2
        db2 = np.sum(dscores, axis=0)
        da1 = np.dot(dscores, W2.T)
        dz1 = da1 * (z1 > 0)
        dW1 = np.dot(X.T, dz1) + 2 * reg * W1
        db1 = np.sum(dz1, axis=0)

        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

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
        return np.argmax(self.loss(X), axis=1)
