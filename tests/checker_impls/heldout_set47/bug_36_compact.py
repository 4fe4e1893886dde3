"""A compact N-layer MLP (numbered keys W1, b1, W2, b2, ...), used with a single hidden layer."""

import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        dims = [input_size, hidden_size, output_size]
        self.params = {}
        for i, (m, n) in enumerate(zip(dims, dims[1:]), 1):
            self.params.update({'W%d' % i: std * np.random.randn(m, n), 'b%d' % i: np.zeros(n)})

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _layers(self):
        return [(self.params['W%d' % i], self.params['b%d' % i]) for i in range(1, len(self.params) // 2 + 1)]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        hs = [X]
        for k, (W, b) in enumerate(layers, 1):
            z = hs[-1] @ W + b
            hs.append(z if k == len(layers) else np.maximum(z, 0))
        scores = hs[-1]
        if y is None:
            return scores

        N = len(X)
        s = scores - scores.max(1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(1, keepdims=True))
        loss = -logp[np.arange(N), y].mean() + reg * sum((W ** 2).sum() for W, _ in layers)

        d = np.exp(logp)
        d[np.arange(N), y] -= 1
        d /= N
        grads = {}
        for k in range(len(layers), 0, -1):
            W = layers[k - 1][0]
            grads['W%d' % k] = hs[k - 1].T @ d + 2 * reg * W
            grads['b%d' % k] = d.sum(0)
            d = (d @ W.T) * (hs[k - 1] > 0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n, per_epoch = len(X), max(len(X) // batch_size, 1)
        lr, hist = learning_rate * batch_size / 200, {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        acc = lambda A, b: (self.predict(A) == b).mean()
        for it in range(num_iters):
            idx = np.random.choice(n, batch_size)
            loss, grads = self.loss(X[idx], y[idx], reg=reg)
            hist['loss_history'].append(loss)
            for k, p in self.params.items():
                p -= lr * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % per_epoch == 0:
                hist['train_acc_history'].append(acc(X[idx], y[idx]))
                hist['val_acc_history'].append(acc(X_val, y_val))
                lr *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
