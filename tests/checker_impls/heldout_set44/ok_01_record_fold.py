"""The notebook's two-layer net as pure functions over hand-rolled records.

Parameters travel as an immutable ``Params`` record (a tuple with named fields);
every function takes records and returns new ones.  Layers are pipelines of
tiny curried functions, means and sums are left folds written by hand, and
training is one left fold over the iteration numbers that threads a ``State``
record.  Only the class boundary speaks in dicts.
"""

import numpy as np


def record(typename, fields):
    """A tiny immutable named tuple, built from scratch."""

    def __new__(cls, *values):
        if len(values) != len(fields):
            raise TypeError("%s takes %d values" % (typename, len(fields)))
        return tuple.__new__(cls, values)

    namespace = {"__slots__": (), "__new__": __new__, "_fields": fields}
    namespace.update({name: property(lambda self, i=i: self[i]) for i, name in enumerate(fields)})
    return type(typename, (tuple,), namespace)


Params = record("Params", ("W1", "b1", "W2", "b2"))
Hidden = record("Hidden", ("pre", "post"))
State = record("State", ("params", "rate", "losses", "train_accs", "val_accs"))


def foldl(fn, acc, xs):
    """Left fold: fn(...fn(fn(acc, x0), x1)..., xn)."""
    for x in xs:
        acc = fn(acc, x)
    return acc


def scanl(fn, acc, xs):
    """Every intermediate value of the left fold, the start included."""
    return foldl(lambda trace, x: trace + (fn(trace[-1], x),), (acc,), xs)


apply_to = lambda A, f: f(A)
matmul = lambda W: lambda A: A.dot(W)
shift = lambda b: lambda A: A + b
relu = lambda A: np.maximum(0, A)
as_dict = lambda params: dict(zip(params._fields, params))


def hidden_layer(params, X):
    trace = scanl(apply_to, X, (matmul(params.W1), shift(params.b1), relu))
    return Hidden(trace[2], trace[3])


def output_layer(params, hidden):
    return foldl(apply_to, hidden.post, (matmul(params.W2), shift(params.b2)))


def scores_of(params, X):
    return output_layer(params, hidden_layer(params, X))


def log_softmax(S):
    shifted = S - S.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def mean_of(xs):
    return foldl(lambda total, x: total + x, 0.0, xs) / len(xs)


square_sum = lambda W: np.sum(W * W)


def l2_penalty(params, reg):
    return reg * foldl(lambda total, W: total + square_sum(W), 0.0, (params.W1, params.W2))


def loss_and_grads(params, X, y, reg):
    """(loss, Params of gradients) of the mean softmax cross-entropy plus L2."""
    N = X.shape[0]
    hidden = hidden_layer(params, X)
    log_probs = log_softmax(output_layer(params, hidden))
    loss = -mean_of(log_probs[np.arange(N), y]) + l2_penalty(params, reg)

    onehot = np.arange(log_probs.shape[1]) == y[:, None]
    dscores = (np.exp(log_probs) - onehot) / N
    dpre = dscores.dot(params.W2.T) * (hidden.pre > 0)
    grads = Params(
        X.T.dot(dpre) + 2 * reg * params.W1,
        dpre.sum(axis=0),
        hidden.post.T.dot(dscores) + 2 * reg * params.W2,
        dscores.sum(axis=0),
    )
    return loss, grads


def sgd_step(params, grads, rate=1e-3):
    return Params(*(p - rate * g for p, g in zip(params, grads)))


def predict_with(params, X):
    return np.argmax(scores_of(params, X), axis=1)


def accuracy(params, X, y):
    return (predict_with(params, X) == y).mean()


class TwoLayerNet:
    """input - fully connected - ReLU - fully connected - softmax, as pure functions."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = as_dict(Params(W1, np.zeros(hidden_size), W2, np.zeros(output_size)))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = as_dict(Params(*(np.array(params[k], dtype=np.float64) for k in Params._fields)))
        return net

    def _current(self):
        return Params(*(self.params[k] for k in Params._fields))

    def loss(self, X, y=None, reg=0.0):
        params = self._current()
        if y is None:
            return scores_of(params, X)
        loss, grads = loss_and_grads(params, X, y, reg)
        return loss, as_dict(grads)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)

        def step(state, it):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = loss_and_grads(state.params, X_batch, y_batch, reg)
            params = sgd_step(state.params, grads, state.rate)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch != 0:
                return State(params, state.rate, state.losses + (loss,), state.train_accs, state.val_accs)
            return State(
                params,
                state.rate * learning_rate_decay,
                state.losses + (loss,),
                state.train_accs + (accuracy(params, X_batch, y_batch),),
                state.val_accs + (accuracy(params, X_val, y_val),),
            )

        start = State(self._current(), learning_rate, (), (), ())
        final = foldl(step, start, range(num_iters))
        self.params = as_dict(final.params)
        return {
            "loss_history": list(final.losses),
            "train_acc_history": list(final.train_accs),
            "val_acc_history": list(final.val_accs),
        }

    def predict(self, X):
        return predict_with(self._current(), X)
