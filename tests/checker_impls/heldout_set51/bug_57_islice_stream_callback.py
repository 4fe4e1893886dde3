"""Two-layer net trained from an endless batch stream with an epoch callback.

``loss`` runs a ``_forward`` that fills a cache dict (including the softmax
probabilities), and training slices ``num_iters`` batches out of an infinite generator
with ``itertools.islice``; bookkeeping at each epoch boundary lives in a callback.
"""

import itertools

import numpy as np


def batch_stream(arrays, batch_size):
    """Endless stream of minibatches (drawn with replacement) of the given arrays."""
    n = arrays[0].shape[0]
    while True:
        idx = np.random.choice(n, batch_size)
        yield tuple(a[idx] for a in arrays)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = [input_size, hidden_size, output_size]
        self.params = {}
        for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params['W%d' % i] = std * np.random.randn(fan_in, fan_out)
            self.params['b%d' % i] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _forward(self, X):
        p = self.params
        c = {}
        c['a1'] = X.dot(p['W1']) + p['b1']
        c['h1'] = np.maximum(c['a1'], 0)
        c['scores'] = c['h1'].dot(p['W2']) + p['b2']
        shifted = c['scores'] - c['scores'].max(axis=1, keepdims=True)
        exp_scores = np.exp(shifted)
        c['probs'] = exp_scores / exp_scores.sum(axis=1, keepdims=True)
        return c

    def loss(self, X, y=None, reg=0.0):
        c = self._forward(X)
        if y is None:
            return c['scores']

        N = X.shape[0]
        p = self.params
        data_loss = -np.mean(np.log(c['probs'][np.arange(N), y]))
        reg_loss = reg * sum(np.sum(p[k] ** 2) for k in ('W1', 'W2'))

        d = {}
        d['scores'] = c['probs'].copy()
        d['scores'][np.arange(N), y] -= 1
        d['scores'] /= N
        d['h1'] = d['scores'].dot(p['W2'].T)
        d['a1'] = d['h1'] * (c['a1'] > 0)
        grads = {
            'W2': c['h1'].T.dot(d['scores']),
            'b2': d['scores'].sum(axis=0),
            'W1': X.T.dot(d['a1']),
            'b1': d['a1'].sum(axis=0),
        }
        for k in ('W1', 'W2'):
            grads[k] += 2 * reg * p[k]
        return data_loss + reg_loss, grads

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def _apply(self, grads, lr):
        updates = {k: -lr * grads[k] for k in ('W1', 'W2')}
        for k, u in updates.items():
            self.params[k] += u

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        steps_per_epoch = max(num_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        state = {'lr': learning_rate, 'epoch': 0}

        def on_epoch_boundary(X_batch, y_batch):
            history['train_acc_history'].append(self._accuracy(X_batch, y_batch))
            history['val_acc_history'].append(self._accuracy(X_val, y_val))
            state['lr'] *= learning_rate_decay
            state['epoch'] += 1

        stream = itertools.islice(batch_stream((X, y), batch_size), num_iters)
        for it, (X_batch, y_batch) in enumerate(stream):
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            self._apply(grads, state['lr'])
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % steps_per_epoch == 0:
                on_epoch_boundary(X_batch, y_batch)
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
