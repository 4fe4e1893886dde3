"""Two-layer net (affine - ReLU - affine - softmax cross-entropy, L2 on W1 and W2) in NumPy.

Written as staged computation: each forward node pushes a backward closure onto a tape that is replayed in reverse.
Training: a while loop over an explicit state dict, new parameter values built as nodes. Predict: argmax of the softmax probabilities.
"""

import numpy as np


class TwoLayerNet:
    """Input - fully connected - ReLU - fully connected - softmax; params in self.params."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """Creates the four leaf nodes of the graph, one statement per leaf."""
        # leaf nodes: the two weight matrices, then the two bias vectors
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        b1 = np.zeros(hidden_size)
        b2 = np.zeros(output_size)
        self.params = {}
        self.params['W1'] = W1
        self.params['b1'] = b1
        self.params['W2'] = W2
        self.params['b2'] = b2

    def loss(self, X, y=None, reg=0.0):
        """Scores (N, C) if y is None, else (loss, grads).

        Every forward node pushes a closure onto a tape; the closure reads the upstream gradient
        of its node from g and accumulates the downstream gradients into g. The backward pass
        runs the tape in reverse.
        """
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]
        rows = np.arange(N)
        tape = []
        g = {}

        def accumulate(name, value):
            if name in g:
                g[name] = g[name] + value
            else:
                g[name] = value

        a1 = X.dot(W1)
        def back():
            accumulate('W1', X.T.dot(g['a1']))
        tape.append(back)

        z1 = a1 + b1
        def back():
            accumulate('a1', g['z1'])
            accumulate('b1', g['z1'].sum(axis=0))
        tape.append(back)

        h1 = np.maximum(0, z1)
        def back():
            accumulate('z1', g['h1'] * (z1 > 0))
        tape.append(back)

        a2 = h1.dot(W2)
        def back():
            accumulate('h1', g['a2'].dot(W2.T))
            accumulate('W2', h1.T.dot(g['a2']))
        tape.append(back)

        scores = a2 + b2
        def back():
            accumulate('a2', g['scores'])
            accumulate('b2', g['scores'].sum(axis=0))
        tape.append(back)

        if y is None:
            return scores

        shifted = scores - scores.max(axis=1, keepdims=True)
        def back():
            accumulate('scores', g['shifted'])  # the row max is held constant
        tape.append(back)

        e = np.exp(shifted)
        def back():
            accumulate('shifted', g['e'] * e)
        tape.append(back)

        s = e.sum(axis=1, keepdims=True)
        def back():
            accumulate('e', g['s'] * np.ones_like(e))
        tape.append(back)

        lse = np.log(s)
        def back():
            accumulate('s', g['lse'] / s)
        tape.append(back)

        log_probs = shifted - lse
        def back():
            accumulate('shifted', g['log_probs'])
            accumulate('lse', -g['log_probs'].sum(axis=1, keepdims=True))
        tape.append(back)

        picked = log_probs[rows, y]
        def back():
            dense = np.zeros_like(log_probs)
            dense[rows, y] = g['picked']
            accumulate('log_probs', dense)
        tape.append(back)

        data_loss = -picked.mean()
        def back():
            accumulate('picked', -g['data_loss'] * np.ones(N) / N)
        tape.append(back)

        penalty = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        def back():
            accumulate('W1', 2 * reg * W1 * g['penalty'])
            accumulate('W2', 2 * reg * W2 * g['penalty'])
        tape.append(back)

        total = data_loss + penalty
        def back():
            accumulate('data_loss', g['total'])
            accumulate('penalty', g['total'])
        tape.append(back)

        g['total'] = 1.0
        for back in reversed(tape):
            back()

        grads = {name: g[name] for name in ('W1', 'b1', 'W2', 'b2')}
        return total, grads

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
                batch_pred = self.predict(X_batch)
                val_pred = self.predict(X_val)
                train_acc_history.append(np.mean(batch_pred == y_batch))
                val_acc_history.append(np.mean(val_pred == y_val))
                state['lr'] = state['lr'] * learning_rate_decay

            state['it'] = it + 1

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        """Labels (N,): scores -> shifted -> exp -> normalised probabilities -> argmax per row."""
        scores = self.loss(X)
        exps = np.exp(scores)
        probs = exps / exps.sum(axis=1, keepdims=True)
        y_pred = np.argmax(probs, axis=1)
        return y_pred
