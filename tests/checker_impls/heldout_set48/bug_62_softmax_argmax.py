"""Two-layer net (affine - ReLU - affine - softmax cross-entropy, L2 on W1 and W2) in NumPy.

Written as staged computation: every node of the graph is a small gate object with forward/backward methods.
Training: a generator of minibatches and dict-built steps. Predict: argmax of the softmax probabilities.
"""

import numpy as np


class MatMulGate:
    """out = x . w; caches both inputs for the backward pass."""

    def forward(self, x, w):
        self.x, self.w = x, w
        return x.dot(w)

    def backward(self, dout):
        dx = dout.dot(self.w.T)
        dw = self.x.T.dot(dout)
        return dx, dw


class BiasAddGate:
    """out = x + b, with b broadcast over the rows."""

    def forward(self, x, b):
        return x + b

    def backward(self, dout):
        return dout, dout.sum(axis=0)


class ReLUGate:
    """out = max(0, x); the local gradient is the indicator x > 0."""

    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class RowShiftGate:
    """out = x - max(x, axis=1); the row max is held constant."""

    def forward(self, x):
        self.row_max = x.max(axis=1, keepdims=True)
        return x - self.row_max

    def backward(self, dout):
        return dout


class ExpGate:
    """out = exp(x); the local gradient is the output itself."""

    def forward(self, x):
        self.out = np.exp(x)
        return self.out

    def backward(self, dout):
        return dout * self.out


class RowSumGate:
    """out = sum(x, axis=1), kept as a column."""

    def forward(self, x):
        self.shape = x.shape
        return x.sum(axis=1, keepdims=True)

    def backward(self, dout):
        return dout * np.ones(self.shape)


class LogGate:
    """out = log(x); the local gradient is 1 / x."""

    def forward(self, x):
        self.x = x
        return np.log(x)

    def backward(self, dout):
        return dout / self.x


class BroadcastSubGate:
    """out = a - b, where b is a column broadcast over the columns of a."""

    def forward(self, a, b):
        return a - b

    def backward(self, dout):
        return dout, -dout.sum(axis=1, keepdims=True)


class PickGate:
    """out[i] = x[i, y[i]]."""

    def forward(self, x, y):
        self.shape, self.y = x.shape, y
        self.rows = np.arange(x.shape[0])
        return x[self.rows, y]

    def backward(self, dout):
        dx = np.zeros(self.shape)
        dx[self.rows, self.y] = dout
        return dx


class MeanGate:
    """out = sum(x) / n."""

    def forward(self, x):
        self.n = x.shape[0]
        return x.sum() / self.n

    def backward(self, dout):
        return dout * np.ones(self.n) / self.n


class SquareSumGate:
    """out = sum(w * w); the local gradient is 2 w."""

    def forward(self, w):
        self.w = w
        return np.sum(w * w)

    def backward(self, dout):
        return dout * 2.0 * self.w


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
        """Scores (N, C) if y is None, else (loss, grads); every node is a gate object."""
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']

        # one gate per node of the graph
        mul1, add1, relu1 = MatMulGate(), BiasAddGate(), ReLUGate()
        mul2, add2 = MatMulGate(), BiasAddGate()

        # forward: X -> a1 -> z1 -> h1 -> a2 -> scores
        a1 = mul1.forward(X, W1)
        z1 = add1.forward(a1, b1)
        h1 = relu1.forward(z1)
        a2 = mul2.forward(h1, W2)
        scores = add2.forward(a2, b2)
        if y is None:
            return scores

        shift, expo, rowsum, log = RowShiftGate(), ExpGate(), RowSumGate(), LogGate()
        sub, pick, mean = BroadcastSubGate(), PickGate(), MeanGate()
        square1, square2 = SquareSumGate(), SquareSumGate()

        # forward: scores -> shifted -> exps -> sums -> log_sums -> log_probs -> picked -> mean
        shifted = shift.forward(scores)
        exps = expo.forward(shifted)
        sums = rowsum.forward(exps)
        log_sums = log.forward(sums)
        log_probs = sub.forward(shifted, log_sums)
        picked = pick.forward(log_probs, y)
        data_loss = -mean.forward(picked)
        # forward: penalty and total
        penalty = reg * (square1.forward(W1) + square2.forward(W2))
        loss = data_loss + penalty

        # backward: the same gates in reverse, each fed its upstream gradient
        dloss = 1.0
        ddata_loss = dloss
        dpenalty = dloss
        dmean = -ddata_loss
        dpicked = mean.backward(dmean)
        dlog_probs = pick.backward(dpicked)
        dshifted, dlog_sums = sub.backward(dlog_probs)
        dsums = log.backward(dlog_sums)
        dexps = rowsum.backward(dsums)
        dshifted = dshifted + expo.backward(dexps)
        dscores = shift.backward(dshifted)
        da2, db2 = add2.backward(dscores)
        dh1, dW2 = mul2.backward(da2)
        dz1 = relu1.backward(dh1)
        da1, db1 = add1.backward(dz1)
        _, dW1 = mul1.backward(da1)
        dsquare = reg * dpenalty
        dW1 = dW1 + square1.backward(dsquare)
        dW2 = dW2 + square2.backward(dsquare)

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

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
                lr *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        """Labels (N,): scores -> shifted -> exp -> normalised probabilities -> argmax per row."""
        scores = self.loss(X)
        shifted = scores - scores.max(axis=0, keepdims=True)
        exps = np.exp(shifted)
        probs = exps / exps.sum(axis=1, keepdims=True)
        y_pred = np.argmax(probs, axis=1)
        return y_pred
