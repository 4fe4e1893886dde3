"""The notebook's two-layer net with tuples all the way down.

Parameters, gradients, configuration and training state are plain tuples,
unpacked positionally and rebuilt rather than changed.  Sums are recursive
folds, per-row predictions come from ``max`` over ``enumerate``, and the
training loop is a module-level pure step function folded over the iteration
numbers.  Names appear only where the class hands dicts to its caller.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


def total(xs):
    """Recursive sum of a tuple of numbers."""
    return 0.0 if not xs else xs[0] + total(xs[1:])


def foldl(fn, acc, xs):
    for x in xs:
        acc = fn(acc, x)
    return acc


def hidden(params, X):
    W1, b1, _, _ = params
    z = X.dot(W1) + b1
    return z, np.maximum(0, z)


def readout(params, h):
    _, _, W2, b2 = params
    return h.dot(W2) + b2


def scores(params, X):
    return readout(params, hidden(params, X)[1])


def labels(S):
    return np.array([max(enumerate(row), key=lambda pair: pair[1])[0] for row in S], dtype=np.int64)


def loss_and_grads(params, X, y, reg):
    W1, b1, W2, b2 = params
    N = len(y)
    z1, h1 = hidden(params, X)
    S = readout(params, h1)
    shifted = S - S.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    data_loss = -log_probs[np.arange(N), y].mean()
    reg_loss = reg * total(tuple(np.sum(W * W) for W in params[::2]))

    dscores = np.exp(log_probs)
    dscores = (dscores - (np.arange(dscores.shape[1]) == y[:, None])) / N
    dh1 = dscores.dot(W2.T)
    dz1 = dh1 * (z1 > 0)
    grads = (
        X.T.dot(dz1) + 2 * reg * W1,
        dz1.sum(axis=0),
        h1.T.dot(dscores) + 2 * reg * W2,
        dscores.sum(axis=0),
    )
    return data_loss + reg_loss, grads


def train_step(data, config, state, it):
    """One SGD iteration: (data, config, state, it) -> new state."""
    X, y, X_val, y_val = data
    _, decay, reg, batch_size, per_epoch, num_iters, verbose = config
    params, rate, losses, train_accs, val_accs = state
    idx = np.random.choice(X.shape[0], batch_size)
    X_batch, y_batch = X[idx], y[idx]
    loss, grads = loss_and_grads(params, X_batch, y_batch, reg)
    new_params = tuple(p - rate * g for p, g in zip(params, grads))
    if verbose and it % 100 == 0:
        print("iteration %d / %d: loss %f" % (it, num_iters, loss))
    if it % per_epoch != 0:
        return new_params, rate, losses + (loss,), train_accs, val_accs
    accuracy = lambda A, truth: (labels(scores(new_params, A)) == truth).mean()
    next_rate = rate * decay ** (it // per_epoch + 1)
    return (
        new_params,
        next_rate,
        losses + (loss,),
        train_accs + (accuracy(X_batch, y_batch),),
        val_accs + (accuracy(X_val, y_val),),
    )


class TwoLayerNet:
    """A two-layer net whose state is a tuple threaded through a fold."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1, W2 = std * np.random.randn(input_size, hidden_size), std * np.random.randn(hidden_size, output_size)
        self.params = dict(zip(NAMES, (W1, np.zeros(hidden_size), W2, np.zeros(output_size))))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict(zip(NAMES, (np.array(params[k], dtype=np.float64) for k in NAMES)))
        return net

    def _params(self):
        return tuple(self.params[k] for k in NAMES)

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return scores(self._params(), X)
        loss, grads = loss_and_grads(self._params(), X, y, reg)
        return loss, dict(zip(NAMES, grads))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        per_epoch = max(X.shape[0] // batch_size, 1)
        config = (learning_rate, learning_rate_decay, reg, batch_size, per_epoch, num_iters, verbose)
        data = (X, y, X_val, y_val)
        start = (self._params(), config[0], (), (), ())
        params, _, losses, train_accs, val_accs = foldl(
            lambda state, it: train_step(data, config, state, it), start, range(num_iters))
        self.params = dict(zip(NAMES, params))
        return {
            "loss_history": list(losses),
            "train_acc_history": list(train_accs),
            "val_acc_history": list(val_accs),
        }

    def predict(self, X):
        return labels(scores(self._params(), X))
