"""Two-layer net (affine - ReLU - affine - softmax) with a named-intermediates cache.

The forward pass stores every intermediate under a name in a ``cache`` dict and the
backward pass reads them back, the way framework tutorials trace a computation graph.
Training runs as nested epoch / step loops driven by a global step counter.
"""

import numpy as np


class TwoLayerNet:
    """input -> affine -> ReLU -> affine -> softmax, parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _forward(self, X):
        p = self.params
        cache = {'x': X}
        cache['z1'] = X.dot(p['W1']) + p['b1']
        cache['h1'] = np.maximum(0, cache['z1'])
        cache['scores'] = cache['h1'].dot(p['W2']) + p['b2']
        return cache

    def loss(self, X, y=None, reg=0.0):
        cache = self._forward(X)
        scores = cache['scores']
        if y is None:
            return scores

        p = self.params
        N = X.shape[0]
        rows = np.arange(N)

        # softmax cross-entropy via a stabilised log-sum-exp
        cache['shifted'] = scores - np.max(scores, axis=1, keepdims=True)
        cache['log_z'] = np.log(np.sum(np.exp(cache['shifted']), axis=1))
        correct = cache['shifted'][rows, y]
        data_loss = np.mean(cache['log_z'] - correct)
        reg_loss = reg * (np.sum(p['W1'] * p['W1']) + np.sum(p['W2'] * p['W2']))
        loss = data_loss + reg_loss

        # backward, reading the cache in reverse order
        grads = {}
        cache['dscores'] = np.exp(cache['shifted'] - cache['log_z'][:, None])
        cache['dscores'][rows, y] -= 1
        cache['dscores'] /= N
        grads['W2'] = cache['h1'].T.dot(cache['dscores'])
        grads['b2'] = np.sum(cache['dscores'], axis=0)
        cache['dh1'] = cache['dscores'].dot(p['W2'].T)
        cache['dz1'] = cache['dh1'] * (cache['z1'] > 0)
        grads['W1'] = X.T.dot(cache['dz1']) + 2 * reg * p['W1']
        grads['b1'] = np.sum(cache['dz1'], axis=0)
        return loss, grads

    def _accuracy(self, X, y):
        return (self.predict(X) == y).mean()

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        steps_per_epoch = max(num_train // batch_size, 1)
        num_epochs = (num_iters + steps_per_epoch - 1) // steps_per_epoch

        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        global_step = 0

        for epoch in range(num_epochs):
            for step in range(steps_per_epoch):
                if global_step >= num_iters:
                    break
                idx = np.random.choice(num_train, batch_size)
                X_batch, y_batch = X[idx], y[idx]

                loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
                history['loss_history'].append(loss)
                for name in self.params:
                    self.params[name] -= lr * grads[name]

                if verbose and global_step % 100 == 0:
                    print('epoch %d step %d (iteration %d / %d): loss %f'
                          % (epoch, step, global_step, num_iters, loss))

                if step == 0:
                    history['train_acc_history'].append(self._accuracy(X_batch, y_batch))
                    history['val_acc_history'].append(self._accuracy(X_val, y_val))
                    lr *= learning_rate_decay
                global_step += 1

        return history

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
