"""The notebook's two-layer net with hand-written pullbacks.

Every layer is a pure function that returns its output together with a
closure, its pullback, that maps the gradient of the output to the gradients
of its inputs.  The backward pass is the composition of the pullbacks in
reverse.  Training threads an immutable state tuple through a divide-and-
conquer recursion over the iteration range, so its depth is only logarithmic.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


def sum_all(xs):
    total = 0.0
    for x in xs:
        total = total + x
    return total


def affine(W, b):
    def apply(A):
        def pullback(dout):
            return dout.dot(W.T), A.T.dot(dout), dout.sum(axis=0)
        return A.dot(W) + b, pullback
    return apply


def relu(A):
    return np.maximum(0, A), lambda dout: dout * (A > 0)


def softmax_cross_entropy(y):
    def apply(S):
        N = S.shape[0]
        shifted = S - S.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

        def pullback(dloss):
            probs = np.exp(log_probs)
            return dloss * (probs - (np.arange(S.shape[1]) == y[:, None])) / N

        return -log_probs[np.arange(N), y].mean(), pullback
    return apply


def l2(reg, weights):
    value = reg * sum_all(np.sum(W * W) for W in weights)
    return value, lambda: tuple(2 * reg * W for W in weights)


def pipe(A, layers):
    """Run A through the layers, keeping outputs only (recursive)."""
    if not layers:
        return A
    return pipe(layers[0](A)[0], layers[1:])


def scores_of(params, X):
    W1, b1, W2, b2 = params
    return pipe(X, (affine(W1, b1), relu, affine(W2, b2)))


def loss_and_grads(params, X, y, reg):
    W1, b1, W2, b2 = params
    z1, back1 = affine(W1, b1)(X)
    h1, back_relu = relu(z1)
    scores, back2 = affine(W2, b2)(h1)
    data_loss, back_loss = softmax_cross_entropy(y)(scores)
    reg_loss, back_reg = l2(reg, (W1, W2))

    dh1, dW2, db2 = back2(back_loss(1.0))
    _, dW1, db1 = back1(back_relu(dh1))
    rW1, rW2 = back_reg()
    return data_loss + reg_loss, (dW1 + rW1, db1, dW2 + rW2, db2)


def descend(params, grads, rate):
    return tuple(p - rate * g for p, g in zip(params, grads))


def as_dict(params):
    return dict(zip(NAMES, params))


class TwoLayerNet:
    """A two-layer net whose backward pass composes closures."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = as_dict((W1, np.zeros(hidden_size), W2, np.zeros(output_size)))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = as_dict(tuple(np.array(params[k], dtype=np.float64) for k in NAMES))
        return net

    def _current(self):
        return tuple(self.params[k] for k in NAMES)

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return scores_of(self._current(), X)
        loss, grads = loss_and_grads(self._current(), X, y, reg)
        return loss, as_dict(grads)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        accuracy = lambda params, A, truth: (np.argmax(scores_of(params, A), axis=1) == truth).mean()

        def step(it, state):
            params, rate, losses, train_accs, val_accs = state
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = loss_and_grads(params, X_batch, y_batch, reg)
            new_params = descend(params, grads, rate)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            at_boundary = it % per_epoch == 0
            return (
                new_params,
                rate * learning_rate_decay if at_boundary else rate,
                losses + (loss,),
                train_accs + ((accuracy(new_params, X_batch, y_batch),) if at_boundary else ()),
                val_accs + ((accuracy(new_params, X_val, y_val),) if at_boundary else ()),
            )

        def run(lo, hi, state):
            """Iterations lo..hi-1, split in halves so the depth stays small."""
            if hi - lo == 0:
                return state
            if hi - lo == 1:
                return step(lo, state)
            mid = (lo + hi) // 2
            return run(mid, hi, run(lo, mid, state))

        final = run(0, num_iters, (self._current(), learning_rate, (), (), ()))
        self.params = as_dict(final[0])
        return {
            "loss_history": list(final[2]),
            "train_acc_history": list(final[3]),
            "val_acc_history": list(final[4]),
        }

    def predict(self, X):
        W1, b1, W2, b2 = self._current()
        return np.argmax(pipe(X, (affine(W1, b1), affine(W2, b2))), axis=1)
