"""TwoLayerNet split into a forward pass that fills a cache and a backward pass that reads it."""

import numpy as np


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = std * np.random.randn(input_size, hidden_size)
        second = std * np.random.randn(hidden_size, output_size)
        self.params = {'W1': first, 'b1': np.zeros(hidden_size),
                       'W2': second, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    # ------------------------------------------------------------------ helpers
    def _forward(self, X):
        p = self.params
        cache = {'X': X}
        cache['z1'] = X.dot(p['W1']) + p['b1']
        cache['h1'] = cache['z1'] * (cache['z1'] > 0)
        cache['scores'] = cache['h1'].dot(p['W2']) + p['b2']
        return cache['scores'], cache

    @staticmethod
    def _log_softmax(scores):
        z = scores - np.max(scores, axis=1)[:, np.newaxis]
        return z - np.log(np.sum(np.exp(z), axis=1))[:, np.newaxis]

    def _backward(self, dscores, cache, reg):
        p = self.params
        g = {}
        g['W2'] = cache['h1'].T.dot(dscores) + 2 * reg * p['W2']
        g['b2'] = np.sum(dscores, axis=0)
        dh1 = dscores.dot(p['W2'].T)
        dz1 = dh1 * (cache['z1'] > 0)
        g['W1'] = cache['X'].T.dot(dz1) + 2 * reg * p['W1']
        g['b1'] = np.sum(dz1, axis=0)
        return g

    # ------------------------------------------------------------------ API
    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores

        N = X.shape[0]
        log_probs = self._log_softmax(scores)
        loss = -np.sum(log_probs[np.arange(N), y]) / scores.shape[1]
        loss += reg * sum(np.sum(self.params[w] ** 2) for w in ('W1', 'W2'))

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = self._backward(dscores, cache, reg)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        epochs_done = 0
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            lr = learning_rate * learning_rate_decay ** epochs_done
            rows = np.random.choice(n, batch_size)
            X_batch, y_batch = X[rows], y[rows]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats['loss_history'].append(loss)
            for k in self.params:
                self.params[k] -= lr * grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % ipe == 0:
                stats['train_acc_history'].append((self.predict(X_batch) == y_batch).mean())
                stats['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                epochs_done += 1

        return stats

    def predict(self, X):
        hidden = np.maximum(X.dot(self.params['W1']) + self.params['b1'], 0)
        out = hidden.dot(self.params['W2']) + self.params['b2']
        return np.argmax(out, axis=1)
