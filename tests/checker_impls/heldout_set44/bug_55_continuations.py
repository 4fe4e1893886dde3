"""The notebook's two-layer net in continuation-passing style.

No function here returns an intermediate result to its caller: each one
passes what it computed to a continuation ``k``.  The forward pass is a chain
of continuations, the loss hands (loss, grads) to its continuation, and each
training step hands its new state on.  The loop itself is a list
comprehension that threads the state with an assignment expression and keeps
only each iteration's record.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


def affine_k(A, W, b, k):
    return k(A.dot(W) + b)


def relu_k(Z, k):
    return k(np.maximum(0, Z))


def forward_k(params, X, k):
    W1, b1, W2, b2 = params
    return affine_k(X, W1, b1, lambda z1:
                    relu_k(z1, lambda h1:
                           affine_k(h1, W2, b2, lambda scores: k(z1, h1, scores))))


def log_softmax_k(S, k):
    shifted = S - S.max(axis=1, keepdims=True)
    return k(shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True)))


def backward_k(params, X, y, z1, h1, log_probs, reg, k):
    W1, _, W2, _ = params
    N = X.shape[0]
    dscores = (np.exp(log_probs) - (np.arange(log_probs.shape[1]) == y[:, None])) / N
    dz1 = dscores.dot(W2.T) * (z1 > 0)
    return k((
        X.T.dot(dz1) + 2 * reg * W1,
        dz1.sum(axis=0),
        h1.T.dot(dscores) + 2 * reg * W2,
        dscores.sum(axis=0),
    ))


def loss_k(params, X, y, reg, k):
    W1, _, W2, _ = params
    N = X.shape[0]
    penalty = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
    return forward_k(params, X, lambda z1, h1, scores:
                     log_softmax_k(scores, lambda log_probs:
                                   backward_k(params, X, y, z1, h1, log_probs, reg, lambda grads:
                                              k(-log_probs[np.arange(N), y].mean() + penalty, grads))))


def descend(params, grads, rate):
    return tuple(p + d for p, d in zip(params, map(lambda g: rate * g, grads)))


def scores_of(params, X):
    return forward_k(params, X, lambda z1, h1, scores: scores)


def predict_k(params, X, k):
    return k(np.argmax(scores_of(params, X), axis=1))


class TwoLayerNet:
    """A two-layer net whose every function hands its result to a continuation."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(zip(NAMES, (W1, np.zeros(hidden_size), W2, np.zeros(output_size))))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64)) for k in NAMES)
        return net

    def _as_tuple(self):
        return tuple(self.params[k] for k in NAMES)

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return scores_of(self._as_tuple(), X)
        return loss_k(self._as_tuple(), X, y, reg, lambda loss, grads: (loss, dict(zip(NAMES, grads))))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        accuracy = lambda params, A, truth: predict_k(params, A, lambda labels: (labels == truth).mean())

        def finish(it, before, after, rate, loss, X_batch, y_batch):
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch:
                return after, rate, (loss, None)
            accs = (accuracy(after, X_batch, y_batch), accuracy(after, X_val, y_val))
            return after, rate * learning_rate_decay, (loss, accs)

        def step(state, it):
            params, rate, _ = state
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            return loss_k(params, X_batch, y_batch, reg, lambda loss, grads:
                          finish(it, params, descend(params, grads, rate), rate, loss, X_batch, y_batch))

        state = (self._as_tuple(), learning_rate, None)
        records = [(state := step(state, it))[2] for it in range(num_iters)]
        self.params = dict(zip(NAMES, state[0]))
        return {
            "loss_history": [loss for loss, _ in records],
            "train_acc_history": [accs[0] for _, accs in records if accs is not None],
            "val_acc_history": [accs[1] for _, accs in records if accs is not None],
        }

    def predict(self, X):
        return predict_k(self._as_tuple(), X, lambda labels: labels)
