import collections

import numpy as np

Cache = collections.namedtuple('Cache', ['x', 'pre', 'hidden', 'scores'])


class TwoLayerNet(object):
    """Small two-layer classifier; parameters are exposed as properties for readability."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = std * np.random.randn(input_size, hidden_size)
        second = std * np.random.randn(hidden_size, output_size)
        self.params = collections.OrderedDict()
        self.params['W1'] = first
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = second
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    W1 = property(lambda self: self.params['W1'])
    b1 = property(lambda self: self.params['b1'])
    W2 = property(lambda self: self.params['W2'])
    b2 = property(lambda self: self.params['b2'])

    def _forward(self, x):
        pre = np.dot(x, self.W1) + self.b1
        hidden = np.maximum(pre, 0.0)
        scores = np.dot(hidden, self.W2) + self.b2
        return Cache(x, pre, hidden, scores)

    @staticmethod
    def _cross_entropy(scores, y):
        n = scores.shape[0]
        log_z = np.logaddexp.reduce(scores, axis=1)
        log_p = scores - log_z[:, np.newaxis]
        return -np.sum(log_p[np.arange(n), y]) / n, np.exp(log_p)

    def loss(self, X, y=None, reg=0.0):
        cache = self._forward(X)
        if y is None:
            return cache.scores

        data_loss, probs = self._cross_entropy(cache.scores, y)
        weight_norm = np.sum(np.square(self.W1)) + np.sum(np.square(self.W2))
        loss = data_loss + reg * weight_norm

        n = X.shape[0]
        delta = probs
        delta[np.arange(n), y] -= 1.0
        delta = delta / n

        grads = collections.OrderedDict()
        grads['W2'] = np.dot(cache.hidden.T, delta) + 2.0 * reg * self.W2
        grads['b2'] = np.sum(delta, axis=0)
        back = np.dot(delta, self.W2.T)
        back = np.where(cache.hidden >= 0, back, 0.0)
        grads['W1'] = np.dot(cache.x.T, back) + 2.0 * reg * self.W1
        grads['b1'] = np.sum(back, axis=0)
        return loss, dict(grads)

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        everything = np.arange(num_train)
        stats = collections.defaultdict(list)

        for it in range(num_iters):
            chosen = np.random.choice(everything, size=batch_size)
            X_batch = X[chosen]
            y_batch = y[chosen]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats['loss_history'].append(loss)

            for name, value in self.params.items():
                value -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            end_of_epoch = it % iterations_per_epoch == 0
            if end_of_epoch:
                stats['train_acc_history'].append(np.mean(self.predict(X_batch) == y_batch))
                stats['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay

        return {
            'loss_history': stats['loss_history'],
            'train_acc_history': stats['train_acc_history'],
            'val_acc_history': stats['val_acc_history'],
        }

    def predict(self, X):
        return self.loss(X).argmax(1)
