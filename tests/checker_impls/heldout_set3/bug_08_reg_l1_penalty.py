import numpy as np


class TwoLayerNet(object):
    """Two-layer fully connected net with weight decay on W1 and W2."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]

        hidden_in = X.dot(W1) + b1
        hidden_out = hidden_in * (hidden_in > 0)
        scores = hidden_out.dot(W2) + b2
        if y is None:
            return scores

        shifted = scores - np.max(scores, axis=1, keepdims=True)
        sum_exp = np.sum(np.exp(shifted), axis=1, keepdims=True)
        log_probs = shifted - np.log(sum_exp)
        probs = np.exp(log_probs)
        loss = -np.sum(log_probs[np.arange(N), y]) / N
        # weight decay
        loss += reg * (np.sum(np.abs(W1)) + np.sum(np.abs(W2)))

        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N

        dW2 = hidden_out.T.dot(dscores) + reg * np.sign(W2)
        db2 = np.sum(dscores, axis=0)
        dhidden = dscores.dot(W2.T) * (hidden_in > 0)
        dW1 = X.T.dot(dhidden) + reg * np.sign(W1)
        db1 = np.sum(dhidden, axis=0)

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
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

        for it in range(num_iters):
            ids = np.random.choice(num_train, batch_size)
            X_batch = X[ids]
            y_batch = y[ids]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params['W1'] -= learning_rate * grads['W1']
            self.params['b1'] -= learning_rate * grads['b1']
            self.params['W2'] -= learning_rate * grads['W2']
            self.params['b2'] -= learning_rate * grads['b2']

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
