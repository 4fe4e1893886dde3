import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.lr = None

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]

        h = np.maximum(0, X @ W1 + b1)
        scores = h @ W2 + b2
        if y is None:
            return scores

        s = scores - scores.max(1, keepdims=True)
        log_probs = s - np.log(np.exp(s).sum(1, keepdims=True))
        loss = -log_probs[range(N), y].mean()
        loss += reg * ((W1 * W1).sum() + (W2 * W2).sum())

        d = np.exp(log_probs)
        d[range(N), y] -= 1
        d /= N
        grads = {'W2': h.T @ d + 2 * reg * W2, 'b2': d.sum(0)}
        dh = (d @ W2.T) * (h > 0)
        grads['W1'] = X.T @ dh + 2 * reg * W1
        grads['b1'] = dh.sum(0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        if self.lr is None:
            self.lr = learning_rate

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k in self.params:
                self.params[k] -= self.lr * grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                self.lr *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
