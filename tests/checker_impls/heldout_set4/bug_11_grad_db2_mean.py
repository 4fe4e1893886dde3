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

        h1_pre = X.dot(W1) + b1
        h1 = np.maximum(0, h1_pre)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores

        shift = scores - np.amax(scores, axis=1, keepdims=True)
        log_probs = shift - np.log(np.sum(np.exp(shift), axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(N), y])
        loss += reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        grads = {}
        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1.0
        dscores /= N

        grads['W2'] = np.dot(h1.T, dscores) + 2.0 * reg * W2
        grads['b2'] = np.mean(dscores, axis=0)

        dh1 = np.dot(dscores, W2.T)
        dh1_pre = dh1 * (h1_pre > 0)
        grads['W1'] = np.dot(X.T, dh1_pre) + 2.0 * reg * W1
        grads['b1'] = np.sum(dh1_pre, axis=0)
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
            batch_idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[batch_idx, :]
            y_batch = y[batch_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for key, grad in grads.items():
                self.params[key] -= learning_rate * grad

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
        return np.argmax(self.loss(X), axis=1)
