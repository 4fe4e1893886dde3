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
        l1 = X.dot(W1) + b1
        a1 = np.maximum(l1, 0)
        scores = a1.dot(W2) + b2
        if y is None:
            return scores
        m = np.max(scores, axis=1, keepdims=True)
        log_probs = (scores - m) - np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))
        loss = np.mean(-log_probs[np.arange(N), y]) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        grads = {}
        dl2 = np.exp(log_probs)
        dl2[np.arange(N), y] -= 1
        dl2 /= N
        grads['W2'] = a1.T.dot(dl2) + 2 * reg * W2
        grads['b2'] = dl2.sum(axis=0)
        dl1 = dl2.dot(W2.T) * (l1 > 0)
        grads['W1'] = X.T.dot(dl1) + 2 * reg * W1
        grads['b1'] = dl1.sum(axis=0)
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
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_correct = np.sum(self.predict(X_batch) == y_batch)
                val_correct = np.sum(self.predict(X_val) == y_val)
                train_acc_history.append(train_correct / batch_size)
                val_acc_history.append(val_correct / batch_size)
                learning_rate *= learning_rate_decay
        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
