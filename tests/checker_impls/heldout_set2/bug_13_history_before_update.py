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

        a1 = X.dot(W1) + b1
        h1 = a1 * (a1 > 0)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores

        scores_exp = np.exp(scores - scores.max(axis=1, keepdims=True))
        norm = scores_exp.sum(axis=1, keepdims=True)
        probs = scores_exp / norm
        loss = -np.sum(np.log(probs[np.arange(N), y])) / N
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        d_scores = probs
        d_scores[np.arange(N), y] -= 1
        d_scores /= N
        grads = {}
        grads['W2'] = h1.T.dot(d_scores) + 2 * reg * W2
        grads['b2'] = d_scores.sum(axis=0)
        d_h1 = d_scores.dot(W2.T)
        d_a1 = d_h1 * (a1 > 0)
        grads['W1'] = X.T.dot(d_a1) + 2 * reg * W1
        grads['b1'] = d_a1.sum(axis=0)
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
            batch_ids = np.random.choice(num_train, batch_size)
            X_batch = X[batch_ids]
            y_batch = y[batch_ids]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            new_epoch = (it % iterations_per_epoch == 0)
            if new_epoch:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())

            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if new_epoch:
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
