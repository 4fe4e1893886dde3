"""The notebook's two-layer net, written as a trampolined recursion.

Parameters are a plain 4-tuple (W1, b1, W2, b2) that is never changed in
place.  The training loop is a tail-recursive function that returns a thunk
for its next call; a tiny trampoline runs the thunks, so the recursion never
grows the Python stack.  Histories are built as cons-style tuples (newest
first) and put back in order at the end.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


def trampoline(bounce):
    """Call thunks until something that is not callable comes back."""
    while callable(bounce):
        bounce = bounce()
    return bounce


def gaussian(std):
    return lambda *shape: std * np.random.randn(*shape)


def initial_params(D, H, C, std):
    draw = gaussian(std)
    W1 = draw(D, H)
    W2 = draw(H, C)
    return (W1, np.zeros(H), W2, np.zeros(C))


def forward(params, X):
    """(pre-activation, hidden activation, scores)."""
    W1, b1, W2, b2 = params
    z1 = X.dot(W1) + b1
    h1 = np.maximum(0, z1)
    return z1, h1, h1.dot(W2) + b2


def log_softmax(S):
    m = S.max(axis=1, keepdims=True)
    return S - m - np.log(np.exp(S - m).sum(axis=1, keepdims=True))


def one_hot(y, C):
    return (y[:, None] == np.arange(C)).astype(np.float64)


def loss_and_grads(params, X, y, reg):
    W1, b1, W2, b2 = params
    N = X.shape[0]
    z1, h1, scores = forward(params, X)
    log_probs = log_softmax(scores)
    targets = one_hot(y, scores.shape[1])
    data_loss = -np.sum(log_probs * targets) / N
    reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

    dscores = (np.exp(log_probs) - targets) / N
    dh1 = dscores.dot(W2.T)
    dz1 = dh1 * (z1 > 0)
    grads = (
        X.T.dot(dz1) + 2 * reg * W1,
        dz1.sum(axis=0),
        h1.T.dot(dscores) + 2 * reg * W2,
        dscores.sum(axis=0),
    )
    return data_loss + reg_loss, grads


def labels(params, X):
    return np.argmax(forward(params, X)[2], axis=1)


class TwoLayerNet:
    """A two-layer net whose training loop bounces on a trampoline."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(zip(NAMES, initial_params(input_size, hidden_size, output_size, std)))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in NAMES}
        return net

    def _as_tuple(self):
        return tuple(self.params[k] for k in NAMES)

    def loss(self, X, y=None, reg=0.0):
        params = self._as_tuple()
        if y is None:
            return forward(params, X)[2]
        loss, grads = loss_and_grads(params, X, y, reg)
        return loss, dict(zip(NAMES, grads))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        accuracy = lambda params, A, truth: (labels(params, A) == truth).mean()

        def loop(it, params, rate, losses, train_accs, val_accs):
            if it == num_iters:
                return params, losses, train_accs, val_accs
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = loss_and_grads(params, X_batch, y_batch, reg)
            new_params = tuple(p - learning_rate * g for p, g in zip(params, grads))
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch:
                return lambda: loop(it + 1, new_params, rate, (loss,) + losses, train_accs, val_accs)
            return lambda: loop(
                it + 1,
                new_params,
                rate * learning_rate_decay,
                (loss,) + losses,
                (accuracy(new_params, X_batch, y_batch),) + train_accs,
                (accuracy(new_params, X_val, y_val),) + val_accs,
            )

        params, losses, train_accs, val_accs = trampoline(
            lambda: loop(0, self._as_tuple(), learning_rate, (), (), ()))
        self.params = dict(zip(NAMES, params))
        return {
            "loss_history": list(reversed(losses)),
            "train_acc_history": list(reversed(train_accs)),
            "val_acc_history": list(reversed(val_accs)),
        }

    def predict(self, X):
        return labels(self._as_tuple(), X)
