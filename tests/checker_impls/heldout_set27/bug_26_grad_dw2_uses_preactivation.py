import numpy as np


class TwoLayerNet(object):
    """Two-layer net with separate _forward / _backward steps sharing a cache dict."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        cache = {'X': X}
        cache['z1'] = X.dot(self.params['W1']) + self.params['b1']
        cache['a1'] = np.maximum(0, cache['z1'])
        cache['z2'] = cache['a1'].dot(self.params['W2']) + self.params['b2']
        return cache['z2'], cache

    def _backward(self, dz2, cache, reg):
        W1, W2 = self.params['W1'], self.params['W2']
        grads = {}
        grads['W2'] = cache['z1'].T.dot(dz2) + 2 * reg * W2
        grads['b2'] = dz2.sum(axis=0)
        da1 = dz2.dot(W2.T)
        dz1 = da1 * (cache['z1'] > 0)
        grads['W1'] = cache['X'].T.dot(dz1) + 2 * reg * W1
        grads['b1'] = dz1.sum(axis=0)
        return grads

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores

        N = X.shape[0]
        s = scores - scores.max(axis=1, keepdims=True)
        log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean()
        loss += reg * (np.sum(self.params['W1'] ** 2) + np.sum(self.params['W2'] ** 2))

        dz2 = np.exp(log_probs)
        dz2[np.arange(N), y] -= 1
        dz2 /= N
        grads = self._backward(dz2, cache, reg)
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
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k, v in self.params.items():
                v -= learning_rate * grads[k]

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
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
