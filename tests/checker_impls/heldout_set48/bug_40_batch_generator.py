"""Two-layer net (affine - ReLU - affine - softmax cross-entropy, L2 on W1 and W2) in NumPy.

Written as staged computation: forward values in a dict f and gradients in a dict d, one entry per named node.
Training: a generator of minibatches and dict-built steps. Predict: argmax of the softmax probabilities.
"""

import numpy as np


class TwoLayerNet:
    """Input - fully connected - ReLU - fully connected - softmax; params in self.params."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """Builds the leaves from a small table of (name, maker, shape), in table order."""
        D, H, C = input_size, hidden_size, output_size

        def gaussian(*shape):
            return std * np.random.randn(*shape)

        def zeros(*shape):
            return np.zeros(shape)

        leaves = [
            ('W1', gaussian, (D, H)),
            ('b1', zeros, (H,)),
            ('W2', gaussian, (H, C)),
            ('b2', zeros, (C,)),
        ]
        self.params = {}
        for name, make, shape in leaves:
            self.params[name] = make(*shape)

    def loss(self, X, y=None, reg=0.0):
        """Scores (N, C) if y is None, else (loss, grads).

        Forward values live in the dict f, one entry per node; the backward pass fills the dict d
        with d total / d node, walking the same nodes in reverse.
        """
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]
        rows = np.arange(N)

        f = {}
        f['x_w1'] = X.dot(W1)
        f['z1'] = f['x_w1'] + b1
        f['h1'] = np.maximum(0.0, f['z1'])
        f['h1_w2'] = f['h1'].dot(W2)
        f['scores'] = f['h1_w2'] + b2
        if y is None:
            return f['scores']

        f['row_max'] = f['scores'].max(axis=1, keepdims=True)
        f['shifted'] = f['scores'] - f['row_max']
        f['exp'] = np.exp(f['shifted'])
        f['sum_exp'] = f['exp'].sum(axis=1, keepdims=True)
        f['probs'] = f['exp'] / f['sum_exp']
        f['p_y'] = f['probs'][rows, y]
        f['log_p_y'] = np.log(f['p_y'])
        f['data_loss'] = -np.mean(f['log_p_y'])
        f['sq_W1'] = np.sum(W1 * W1)
        f['sq_W2'] = np.sum(W2 * W2)
        f['penalty'] = reg * (f['sq_W1'] + f['sq_W2'])
        f['total'] = f['data_loss'] + f['penalty']

        d = {}
        d['total'] = 1.0
        d['data_loss'] = d['total'] * 1.0
        d['penalty'] = d['total'] * 1.0
        d['sq_W1'] = d['penalty'] * reg
        d['sq_W2'] = d['penalty'] * reg
        d['log_p_y'] = d['data_loss'] * (-1.0 / N) * np.ones(N)
        d['p_y'] = d['log_p_y'] / f['p_y']
        d['probs'] = np.zeros_like(f['probs'])
        d['probs'][rows, y] = d['p_y']
        d['exp'] = d['probs'] / f['sum_exp']
        d['sum_exp'] = np.sum(d['probs'] * (-f['exp'] / f['sum_exp'] ** 2), axis=1, keepdims=True)
        d['exp'] = d['exp'] + d['sum_exp'] * np.ones_like(f['exp'])
        d['shifted'] = d['exp'] * f['exp']
        d['scores'] = d['shifted'] * 1.0  # the row max is held constant
        d['h1_w2'] = d['scores'] * 1.0
        d['b2'] = d['scores'].sum(axis=0)
        d['h1'] = d['h1_w2'].dot(W2.T)
        d['W2'] = f['h1'].T.dot(d['h1_w2']) + 2.0 * W2 * d['sq_W2']
        d['z1'] = d['h1'] * (f['z1'] > 0)
        d['x_w1'] = d['z1'] * 1.0
        d['b1'] = d['z1'].sum(axis=0)
        d['W1'] = X.T.dot(d['x_w1']) + 2.0 * W1 * d['sq_W1']

        grads = {k: d[k] for k in ('W1', 'b1', 'W2', 'b2')}
        return f['total'], grads

    def _minibatches(self, X, y, num_iters, batch_size):
        """Yields (it, X_batch, y_batch); each batch is drawn only when the loop asks for it."""
        num_train = X.shape[0]
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            yield it, X[idx], y[idx]

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD over a generator of batches; steps and new leaves are built as dicts."""
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it, X_batch, y_batch in self._minibatches(X, y, num_iters, batch_size):
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            steps = {name: lr * grads[name] for name in grads}
            self.params = {name: self.params[name] - steps[name] for name in self.params}

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr = learning_rate * learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        """Labels (N,): scores -> shifted -> exp -> normalised probabilities -> argmax per row."""
        scores = self.loss(X)
        shifted = scores - scores.max(axis=1, keepdims=True)
        exps = np.exp(shifted)
        probs = exps / exps.sum(axis=1, keepdims=True)
        y_pred = np.argmax(probs, axis=1)
        return y_pred
