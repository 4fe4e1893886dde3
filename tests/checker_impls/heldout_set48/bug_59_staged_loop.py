"""Two-layer net (affine - ReLU - affine - softmax cross-entropy, L2 on W1 and W2) in NumPy.

Written as staged computation: a (forward, backward) function pair per node type, caches kept in a dict.
Training: a for loop in four commented stages. Predict: the forward graph written out again.
"""

import numpy as np


# One (forward, backward) pair of functions per node type. A forward returns (out, cache);
# the matching backward takes the upstream gradient and the cache.

def matmul_forward(x, w):
    return x.dot(w), (x, w)


def matmul_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout)


def bias_forward(x, b):
    return x + b, None


def bias_backward(dout, cache):
    return dout, dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


def shift_forward(x):
    return x - x.max(axis=1, keepdims=True), None


def shift_backward(dout, cache):
    return dout  # the row max is held constant


def exp_forward(x):
    out = np.exp(x)
    return out, out


def exp_backward(dout, cache):
    return dout * cache


def rowsum_forward(x):
    return x.sum(axis=1, keepdims=True), x.shape


def rowsum_backward(dout, cache):
    return dout * np.ones(cache)


def log_forward(x):
    return np.log(x), x


def log_backward(dout, cache):
    return dout / cache


def sub_forward(a, b):
    return a - b, None


def sub_backward(dout, cache):
    return dout, -dout.sum(axis=1, keepdims=True)


def pick_forward(x, y):
    rows = np.arange(x.shape[0])
    return x[rows, y], (x.shape, rows, y)


def pick_backward(dout, cache):
    shape, rows, y = cache
    dx = np.zeros(shape)
    dx[rows, y] = dout
    return dx


def neg_mean_forward(x):
    return -np.mean(x), x.shape[0]


def neg_mean_backward(dout, cache):
    n = cache
    return -dout * np.ones(n) / n


def sqsum_forward(w):
    return np.sum(w * w), w


def sqsum_backward(dout, cache):
    return 2.0 * cache * dout


def scale_forward(x, c):
    return c * x, c


def scale_backward(dout, cache):
    return cache * dout


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
        """Scores (N, C) if y is None, else (loss, grads); nodes are module-level function pairs."""
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        caches = {}

        a1, caches['a1'] = matmul_forward(X, W1)
        z1, caches['z1'] = bias_forward(a1, b1)
        h1, caches['h1'] = relu_forward(z1)
        a2, caches['a2'] = matmul_forward(h1, W2)
        scores, caches['scores'] = bias_forward(a2, b2)
        if y is None:
            return scores

        shifted, caches['shifted'] = shift_forward(scores)
        exps, caches['exps'] = exp_forward(shifted)
        sums, caches['sums'] = rowsum_forward(exps)
        log_sums, caches['log_sums'] = log_forward(sums)
        log_probs, caches['log_probs'] = sub_forward(shifted, log_sums)
        picked, caches['picked'] = pick_forward(log_probs, y)
        data_loss, caches['data_loss'] = neg_mean_forward(picked)
        sq1, caches['sq1'] = sqsum_forward(W1)
        sq2, caches['sq2'] = sqsum_forward(W2)
        penalty, caches['penalty'] = scale_forward(sq1 + sq2, reg)
        loss = data_loss + penalty

        dloss = 1.0
        dpenalty = dloss
        ddata_loss = dloss
        dsq = scale_backward(dpenalty, caches['penalty'])
        dW1_penalty = sqsum_backward(dsq, caches['sq1'])
        dW2_penalty = sqsum_backward(dsq, caches['sq2'])
        dpicked = neg_mean_backward(ddata_loss, caches['data_loss'])
        dlog_probs = pick_backward(dpicked, caches['picked'])
        dshifted, dlog_sums = sub_backward(dlog_probs, caches['log_probs'])
        dsums = log_backward(dlog_sums, caches['log_sums'])
        dexps = rowsum_backward(dsums, caches['sums'])
        dshifted = dshifted + exp_backward(dexps, caches['exps'])
        dscores = shift_backward(dshifted, caches['shifted'])
        da2, db2 = bias_backward(dscores, caches['scores'])
        dh1, dW2 = matmul_backward(da2, caches['a2'])
        dz1 = relu_backward(dh1, caches['h1'])
        da1, db1 = bias_backward(dz1, caches['z1'])
        _, dW1 = matmul_backward(da1, caches['a1'])

        grads = {'W1': dW1 + dW1_penalty, 'b1': db1, 'W2': dW2 + dW2_penalty, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD, written as four stages per iteration; the rate decays once per epoch."""
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            # stage 1: the minibatch
            batch_indices = np.random.choice(num_train, batch_size)
            X_batch = X[batch_indices]
            y_batch = y[batch_indices]

            # stage 2: forward and backward through the graph
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # stage 3: one SGD step per leaf
            for name in ('W1', 'b1', 'W2', 'b2'):
                step = learning_rate * grads[name]
                param = self.params[name]
                param = param - step

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # stage 4: epoch bookkeeping
            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        """Labels (N,): the forward graph written out again, node by node, then argmax per row."""
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        a1 = X.dot(W1)
        z1 = a1 + b1
        h1 = np.maximum(0, z1)
        a2 = h1.dot(W2)
        scores = a2 + b2
        y_pred = np.argmax(scores, axis=1)
        return y_pred
