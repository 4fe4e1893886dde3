"""Two-layer net written as a pipeline of generators and iterators.

Weights come out of a generator, the forward and backward passes walk a
generator of layers, and training zips together an endless stream of
minibatches with an endless stream of step sizes.
"""

import itertools
from collections import namedtuple

import numpy as np


Batch = namedtuple("Batch", "X y")
PARAM_NAMES = ("W1", "b1", "W2", "b2")
LAYERS = (("W1", "b1"), ("W2", "b2"))


def gaussian_matrices(std, *shapes):
    """Yield one ``std * randn`` matrix per shape, drawn lazily in order."""
    for shape in shapes:
        yield std * np.random.randn(*shape)


def minibatches(X, y, batch_size):
    """An endless stream of minibatches drawn with replacement."""
    num_train = X.shape[0]
    while True:
        idx = np.random.choice(num_train, batch_size)
        yield Batch(X[idx], y[idx])


def step_sizes(initial, decay, period):
    """The step size of every iteration; decays after each epoch boundary."""
    rate = initial
    for it in itertools.count():
        yield rate
        if it % period == 0:
            rate *= decay


class TwoLayerNet:
    """Two-layer net; parameters live in ``self.params`` (W1, b1, W2, b2)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1, W2 = gaussian_matrices(std, (input_size, hidden_size), (hidden_size, output_size))
        values = (W1, np.zeros(hidden_size), W2, np.zeros(output_size))
        self.params = dict(zip(PARAM_NAMES, values))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64) for name in PARAM_NAMES}
        return net

    def _layers(self):
        """Yield (W, b, applies_relu) for each layer, input side first."""
        for index, (wname, bname) in enumerate(LAYERS):
            yield self.params[wname], self.params[bname], index < len(LAYERS) - 1

    def _forward(self, X):
        pre_activations, activations = [], [X]
        out = X
        for W, b, nonlinear in self._layers():
            z = out.dot(W) + b
            pre_activations.append(z)
            out = np.maximum(0, z) if nonlinear else z
            activations.append(out)
        return pre_activations, activations

    def loss(self, X, y=None, reg=0.0):
        pre_activations, activations = self._forward(X)
        scores = activations[-1]
        if y is None:
            return scores

        n = X.shape[0]
        rows = np.arange(n)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -log_probs[rows, y].mean()
        reg_loss = reg * sum(np.sum(self.params[w] ** 2) for w, _ in LAYERS)

        delta = np.exp(log_probs)
        delta[rows, y] -= 1
        delta /= n
        grads = {}
        for index in reversed(range(len(LAYERS))):
            wname, bname = LAYERS[index]
            W = self.params[wname]
            grads[wname] = activations[index].T.dot(delta) + 2 * reg * W
            grads[bname] = delta.sum(axis=0)
            if index:
                delta = delta.dot(W.T) * (pre_activations[index - 1] > 0)
        return data_loss + reg_loss, {name: grads[name] for name in PARAM_NAMES}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        period = max(X.shape[0] // batch_size, 1)
        stats = {key: [] for key in ("loss_history", "train_acc_history", "val_acc_history")}
        schedule = zip(range(num_iters),
                       minibatches(X, y, batch_size),
                       step_sizes(learning_rate / batch_size, learning_rate_decay, period))

        for it, batch, rate in schedule:
            loss, grads = self.loss(batch.X, y=batch.y, reg=reg)
            stats["loss_history"].append(loss)
            for name in PARAM_NAMES:
                self.params[name] -= rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % period == 0:
                stats["train_acc_history"].append((self.predict(batch.X) == batch.y).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())

        return stats

    def predict(self, X):
        scores = self.loss(X)
        return np.fromiter((row.argmax() for row in scores), dtype=np.intp,
                           count=scores.shape[0])
