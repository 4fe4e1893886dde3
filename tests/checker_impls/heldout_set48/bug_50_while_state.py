"""Two-layer net (affine - ReLU - affine - softmax cross-entropy, L2 on W1 and W2) in NumPy.

Written as staged computation: forward values in a dict f and gradients in a dict d, one entry per named node.
Training: a while loop over an explicit state dict, new parameter values built as nodes. Predict: argmax of the forward scores.
"""

import numpy as np


class TwoLayerNet:
    """Input - fully connected - ReLU - fully connected - softmax; params in self.params."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """Leaf nodes: W1 (D, H) and W2 (H, C) from std * randn (W1 drawn first), zero biases."""
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

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

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD as a while loop over an explicit state; each update is a new node."""
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        state = {'it': 0, 'lr': learning_rate}
        loss_history, train_acc_history, val_acc_history = [], [], []

        while state['it'] < num_iters:
            it = state['it']

            # node: minibatch
            sample = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample], y[sample]

            # node: loss and its gradients
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            if it % iterations_per_epoch == 0:
                batch_pred = self.predict(X_batch)
                val_pred = self.predict(X_val)
                train_acc_history.append(np.mean(batch_pred == y_batch))
                val_acc_history.append(np.mean(val_pred == y_val))

            # node: new parameters, one per leaf
            W1_new = self.params['W1'] - state['lr'] * grads['W1']
            b1_new = self.params['b1'] - state['lr'] * grads['b1']
            W2_new = self.params['W2'] - state['lr'] * grads['W2']
            b2_new = self.params['b2'] - state['lr'] * grads['b2']
            self.params['W1'] = W1_new
            self.params['b1'] = b1_new
            self.params['W2'] = W2_new
            self.params['b2'] = b2_new

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # node: epoch boundary
            if it % iterations_per_epoch == 0:
                state['lr'] = state['lr'] * learning_rate_decay

            state['it'] = it + 1

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        """Labels (N,): the forward graph up to the scores, then the index of each row's best score."""
        scores = self.loss(X)
        y_pred = np.argmax(scores, axis=1)
        return y_pred
