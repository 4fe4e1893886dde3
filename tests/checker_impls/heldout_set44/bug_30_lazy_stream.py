"""The notebook's two-layer net as lazy streams of states.

The network is a tuple of layer specs (weights, bias, activation) that a
recursive scan runs through.  Training is an infinite generator that unfolds a
pure step function from a starting state; the first ``num_iters`` states are
taken from it and folded into the histories.  Parameter dicts are never
changed in place: every update builds a new dict.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")
WEIGHTS = ("W1", "W2")

identity = lambda Z: Z
relu = lambda Z: np.maximum(0, Z)


def fold(fn, acc, xs):
    for x in xs:
        acc = fn(acc, x)
    return acc


def unfold(step, state):
    """state1, state2, ... where state_{k+1} = step(state_k), forever."""
    while True:
        state = step(state)
        yield state


def take(n, xs):
    for _, x in zip(range(n), xs):
        yield x


def layers(p):
    return ((p["W1"], p["b1"], relu), (p["W2"], p["b2"], identity))


def forward(p, X):
    """((z1, h1), (z2, scores)): every pre-activation and activation."""

    def go(A, specs):
        if not specs:
            return ()
        W, b, act = specs[0]
        z = A.dot(W) + b
        a = act(z)
        return ((z, a),) + go(a, specs[1:])

    return go(X, layers(p))


def scores_of(p, X):
    return forward(p, X)[-1][1]


def loss_and_grads(p, X, y, reg):
    N = X.shape[0]
    (z1, h1), (_, scores) = forward(p, X)
    C = scores.shape[1]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    data_loss = -np.mean(log_probs[np.arange(N), y])
    penalty = reg * fold(lambda total, k: total + np.sum(p[k] * p[k]), 0.0, WEIGHTS)

    probs = np.exp(log_probs)
    dscores = np.where(np.arange(C) == y[:, None], probs - 1, probs) / N
    dz1 = dscores.dot(p["W2"].T) * (z1 > 0)
    grads = {
        "W1": X.T.dot(dz1) + reg * p["W1"],
        "b1": dz1.sum(axis=0),
        "W2": h1.T.dot(dscores) + 2 * reg * p["W2"],
        "b2": dscores.sum(axis=0),
    }
    return data_loss + penalty, grads


def sgd(params, grads, rate):
    scaled = {k: rate * grads[k] for k in params}
    return dict(zip(params, map(lambda p, s: p - s, params.values(), scaled.values())))


def labels_of(p, X):
    return np.argmax(scores_of(p, X), axis=1)


class TwoLayerNet:
    """A two-layer net trained by folding over a lazy stream of states."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = {k: self.params[k] for k in NAMES}
        if y is None:
            return scores_of(p, X)
        return loss_and_grads(p, X, y, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        accuracy = lambda p, A, truth: (labels_of(p, A) == truth).mean()

        def step(state):
            it, params, rate = state[:3]
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = loss_and_grads(params, X_batch, y_batch, reg)
            new_params = sgd(params, grads, rate)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch:
                return it + 1, new_params, rate, loss, None
            accs = (accuracy(new_params, X_batch, y_batch), accuracy(new_params, X_val, y_val))
            return it + 1, new_params, rate * learning_rate_decay, loss, accs

        def collect(acc, state):
            losses, train_accs, val_accs, _ = acc
            _, params, _, loss, accs = state
            if accs is not None:
                train_accs, val_accs = train_accs + [accs[0]], val_accs + [accs[1]]
            return losses + [loss], train_accs, val_accs, params

        start = (0, {k: self.params[k] for k in NAMES}, learning_rate)
        states = take(num_iters, unfold(step, start))
        losses, train_accs, val_accs, params = fold(collect, ([], [], [], start[1]), states)
        self.params = params
        return {"loss_history": losses, "train_acc_history": train_accs, "val_acc_history": val_accs}

    def predict(self, X):
        return labels_of(self.params, X)
