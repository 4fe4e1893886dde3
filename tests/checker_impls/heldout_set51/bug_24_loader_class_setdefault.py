"""Two-layer net trained with a small data-loader class (``__iter__``/``__next__``/``__len__``).

``num_iters`` becomes ``ceil(num_iters / steps_per_epoch)`` epochs; each epoch builds a
loader that yields that epoch's minibatches, and ``enumerate`` over it gives the step.
Metrics are computed by module-level helpers and stored with ``dict.setdefault``.
"""

import math

import numpy as np


class RandomBatchLoader:
    """Serves ``num_batches`` random minibatches of (X, y), one per step."""

    def __init__(self, X, y, batch_size, num_batches):
        self.X, self.y = X, y
        self.batch_size = batch_size
        self.num_batches = num_batches
        self._served = 0

    def __len__(self):
        return self.num_batches

    def __iter__(self):
        self._served = 0
        return self

    def __next__(self):
        if self._served >= self.num_batches:
            raise StopIteration
        self._served += 1
        idx = np.random.choice(self.X.shape[0], self.batch_size)
        return self.X[idx], self.y[idx]


def relu(x):
    return np.maximum(0, x)


def cross_entropy(scores, y):
    """Mean softmax cross-entropy and its gradient with respect to the scores."""
    n = scores.shape[0]
    z = scores - np.amax(scores, axis=1)[:, np.newaxis]
    e = np.exp(z)
    s = e.sum(axis=1)
    loss = np.mean(np.log(s) - z[np.arange(n), y])
    d = e / s[:, np.newaxis]
    d[np.arange(n), y] -= 1
    return loss, d / n


def accuracy(labels_pred, labels_true):
    return float(np.mean(labels_pred == labels_true))


def log_metric(history, key, value):
    history.setdefault(key, []).append(value)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = np.random.randn(input_size, hidden_size) * std
        self.params['b1'] = np.zeros((hidden_size,))
        self.params['W2'] = np.random.randn(hidden_size, output_size) * std
        self.params['b2'] = np.zeros((output_size,))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params['W1'], self.params['b1'], self.params['W2'], self.params['b2']
        pre = np.matmul(X, W1) + b1
        hid = relu(pre)
        scores = np.matmul(hid, W2) + b2
        if y is None:
            return scores

        data_loss, dscores = cross_entropy(scores, y)
        loss = data_loss + reg * (np.square(W1).mean() + np.square(W2).mean())

        dhid = np.matmul(dscores, W2.T)
        dpre = np.where(pre > 0, dhid, 0.0)
        grads = {
            'W2': np.matmul(hid.T, dscores) + 2 * reg * W2,
            'b2': dscores.sum(0),
            'W1': np.matmul(X.T, dpre) + 2 * reg * W1,
            'b1': dpre.sum(0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        steps_per_epoch = max(X.shape[0] // batch_size, 1)
        num_epochs = math.ceil(num_iters / steps_per_epoch)
        history = {}
        lr = learning_rate
        done = 0

        for epoch in range(num_epochs):
            loader = RandomBatchLoader(X, y, batch_size, min(steps_per_epoch, num_iters - done))
            for step, (xb, yb) in enumerate(loader):
                loss, grads = self.loss(xb, y=yb, reg=reg)
                log_metric(history, 'loss_history', loss)
                for name in ('W1', 'b1', 'W2', 'b2'):
                    self.params[name] -= lr * grads[name]
                if verbose and done % 100 == 0:
                    print('iteration %d / %d: loss %f' % (done, num_iters, loss))
                if step == 0:
                    log_metric(history, 'train_acc_history', accuracy(self.predict(xb), yb))
                    log_metric(history, 'val_acc_history', accuracy(self.predict(X_val), y_val))
                    lr *= learning_rate_decay
                done += 1

        for key in ('loss_history', 'train_acc_history', 'val_acc_history'):
            history.setdefault(key, [])
        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=-1)
