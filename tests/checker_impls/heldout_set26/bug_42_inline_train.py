import numpy as np


class TwoLayerNet:
    """Two-layer ReLU net. The forward pass keeps its intermediates in self.cache.

    train() does its own forward/backward on each minibatch (it was written
    before loss() was finished and I kept it because it avoids the extra call).
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.cache = {}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        net.cache = {}
        return net

    # ------------------------------------------------------------------ forward
    def _forward(self, X):
        self.cache = {}
        self.cache['X'] = X
        self.cache['z1'] = X.dot(self.params['W1']) + self.params['b1']
        self.cache['h1'] = np.maximum(self.cache['z1'], 0)
        self.cache['scores'] = self.cache['h1'].dot(self.params['W2']) + self.params['b2']
        return self.cache['scores']

    def _data_loss(self, y):
        scores = self.cache['scores']
        n = scores.shape[0]
        m = scores.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
        self.cache['probs'] = np.exp(scores - lse)
        return np.mean(lse[:, 0] - scores[np.arange(n), y])

    # ----------------------------------------------------------------- backward
    def _backward(self, y, reg):
        X, h1, z1 = self.cache['X'], self.cache['h1'], self.cache['z1']
        n = X.shape[0]
        d = self.cache['probs'].copy()
        d[np.arange(n), y] -= 1
        d /= n
        grads = {}
        grads['W2'] = h1.T.dot(d) + 2 * reg * self.params['W2']
        grads['b2'] = d.sum(axis=0)
        dz1 = d.dot(self.params['W2'].T)
        dz1[z1 <= 0] = 0
        grads['W1'] = X.T.dot(dz1) + 2 * reg * self.params['W1']
        grads['b1'] = dz1.sum(axis=0)
        return grads

    def loss(self, X, y=None, reg=0.0):
        scores = self._forward(X)
        if y is None:
            return scores
        W1, W2 = self.params['W1'], self.params['W2']
        loss = self._data_loss(y) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        return loss, self._backward(y, reg)

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
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]

            # forward
            W1, b1 = self.params['W1'], self.params['b1']
            W2, b2 = self.params['W2'], self.params['b2']
            n = X_batch.shape[0]
            z1 = X_batch.dot(W1) + b1
            h1 = np.maximum(z1, 0)
            scores = h1.dot(W2) + b2
            scores = scores - scores.max(axis=1, keepdims=True)
            log_probs = scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))
            loss = -log_probs[np.arange(n), y_batch].mean()
            loss_history.append(loss)
            loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

            # backward
            dscores = np.exp(log_probs)
            dscores[np.arange(n), y_batch] -= 1
            dscores /= n
            dW2 = h1.T.dot(dscores) + 2 * reg * W2
            db2 = dscores.sum(axis=0)
            dz1 = dscores.dot(W2.T) * (z1 > 0)
            dW1 = X_batch.T.dot(dz1) + 2 * reg * W1
            db1 = dz1.sum(axis=0)

            # update
            self.params['W1'] -= learning_rate * dW1
            self.params['b1'] -= learning_rate * db1
            self.params['W2'] -= learning_rate * dW2
            self.params['b2'] -= learning_rate * db2

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self._forward(X), axis=1)
