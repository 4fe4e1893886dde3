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
        N, D = X.shape

        z = X.dot(W1) + b1
        a = np.maximum(z, 0)
        scores = a.dot(W2) + b2
        if y is None:
            return scores

        z2 = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = z2 - np.log(np.sum(np.exp(z2), axis=1, keepdims=True))
        loss = -np.sum(log_probs[np.arange(N), y])
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss /= N

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1

        dW2 = (a.T.dot(dscores) + 2 * reg * W2) / N
        db2 = np.sum(dscores, axis=0) / N
        da = dscores.dot(W2.T)
        dz = da * (z > 0)
        dW1 = (X.T.dot(dz) + 2 * reg * W1) / N
        db1 = np.sum(dz, axis=0) / N

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

            for param in ('W1', 'b1', 'W2', 'b2'):
                self.params[param] -= learning_rate * grads[param]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = np.mean(self.predict(X_batch) == y_batch)
                val_acc = np.mean(self.predict(X_val) == y_val)
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
