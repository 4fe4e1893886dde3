"""Two-layer net as a composition of small pure functions.

Layers are closures, the forward pass is ``itertools.accumulate`` over the
stages, helpers are built with ``functools.partial``/``compose`` and the
SGD update is a pure function returning fresh parameter arrays.
"""

import functools
import itertools
import operator

import numpy as np


NAMES = ("W1", "b1", "W2", "b2")
HISTORY_KEYS = ("loss_history", "train_acc_history", "val_acc_history")


def compose(*functions):
    """compose(f, g, h)(x) == f(g(h(x)))."""
    return functools.reduce(lambda f, g: lambda x: f(g(x)), functions)


def affine(W, b):
    return lambda x: operator.add(x.dot(W), b)


relu = functools.partial(np.maximum, 0)
square_sum = compose(np.sum, np.square)
row_max = functools.partial(np.max, axis=1, keepdims=True)
row_sum = functools.partial(np.sum, axis=1, keepdims=True)


def pipeline(x, stages):
    """Every intermediate value of feeding x through the stages, x included."""
    return list(itertools.accumulate(stages, lambda value, stage: stage(value), initial=x))


def sgd_update(params, grads, learning_rate, combine=operator.sub):
    """Fresh parameter arrays after one SGD step."""
    return {name: combine(params[name], learning_rate * grads[name]) for name in NAMES}


def effective_rate(rate, it, warmup_iters=0):
    """The step size at iteration ``it``, with an optional linear warm-up."""
    if warmup_iters:
        return rate * min(1.0, (it + 1) / warmup_iters)
    return rate


class TwoLayerNet:
    """Two-layer net; parameters live in ``self.params`` (W1, b1, W2, b2)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = lambda *shape: operator.mul(std, np.random.randn(*shape))
        values = (draw(input_size, hidden_size), np.zeros(hidden_size),
                  draw(hidden_size, output_size), np.zeros(output_size))
        self.params = dict(zip(NAMES, values))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64) for name in NAMES}
        return net

    def _stages(self):
        W1, b1, W2, b2 = operator.itemgetter(*NAMES)(self.params)
        return (affine(W1, b1), relu, affine(W2, b2))

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = operator.itemgetter("W1", "W2")(self.params)
        _, z1, h1, scores = pipeline(X, self._stages())
        if y is None:
            return scores

        n = X.shape[0]
        pick = (np.arange(n), y)
        shifted = scores - row_max(scores)
        log_norm = np.log(row_sum(np.exp(shifted)))
        log_probs = shifted - log_norm
        data_loss = -np.mean(log_probs[pick])
        reg_loss = reg * sum(map(square_sum, (W1, W2)))

        dscores = np.exp(log_probs)
        dscores[pick] -= 1
        dscores /= n
        dz1 = dscores.dot(W2.T) * (z1 > 0)
        grads = dict(zip(NAMES, (X.T.dot(dz1) + 2 * reg * W1, dz1.sum(axis=0),
                                 h1.T.dot(dscores) + 2 * reg * W2, dscores.sum(axis=0))))
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        accuracy = lambda X_, y_: np.mean(operator.eq(self.predict(X_), y_))
        rate = learning_rate
        order = itertools.cycle(range(num_train))

        for it in range(num_iters):
            idx = np.fromiter(itertools.islice(order, batch_size), dtype=int, count=batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            losses.append(loss)
            step = functools.partial(sgd_update, learning_rate=effective_rate(rate, it))
            self.params = step(self.params, grads)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % per_epoch == 0:
                train_accs.append(accuracy(X_batch, y_batch))
                val_accs.append(accuracy(X_val, y_val))
                rate *= learning_rate_decay

        return dict(zip(HISTORY_KEYS, (losses, train_accs, val_accs)))

    def predict(self, X):
        return compose(functools.partial(np.argmax, axis=1), self.loss)(X)
