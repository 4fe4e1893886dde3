"""Two-layer net whose moving parts are small callable objects: the loss, the
optimiser and the history recorders all implement ``__call__``."""
import contextlib
import time

import numpy as np


class SoftmaxLoss:
    """``loss(scores, y)`` -> (mean cross-entropy, d loss / d scores)."""

    @staticmethod
    def probabilities(scores):
        shifted = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        return e / e.sum(axis=1, keepdims=True)

    def __call__(self, scores, y):
        n = scores.shape[0]
        rows = np.arange(n)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        return -log_probs[rows, y].mean(), dscores / n


class SGD:
    """``sgd(grads)`` takes one step; ``sgd.end_epoch()`` decays the rate."""

    def __init__(self, params, lr, decay):
        self.params, self.lr, self.decay = params, lr, decay

    def __call__(self, grads):
        for name, param in self.params.items():
            param -= self.lr * grads[name]

    def end_epoch(self):
        self.lr *= self.decay


class Recorder:
    """``record(value)`` appends to ``record.values``."""

    values = []

    def __call__(self, value):
        self.values.append(value)


@contextlib.contextmanager
def stopwatch(log):
    start = time.perf_counter()
    try:
        yield
    finally:
        log.append(time.perf_counter() - start)


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> softmax; parameters in ``self.params``."""

    criterion = SoftmaxLoss()

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(W1=std * np.random.randn(input_size, hidden_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)
        self.timings = []

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net.timings = []
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        z1 = X @ W1 + b1
        h1 = np.maximum(0, z1)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        n = X.shape[0]
        data_loss, dscores = self.criterion(scores, y)
        reg_loss = reg * sum(np.sum(W * W) for W in map(self.params.get, ("W1", "W2")))

        dz1 = (dscores @ W2.T) * (z1 > 0)
        grads = {
            "W1": X.T @ dz1 + 2 * reg * W1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T @ dscores + 2 * reg * W2,
            "b2": dscores.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        sgd = SGD(self.params, learning_rate, learning_rate_decay)
        losses, train_acc, val_acc = Recorder(), Recorder(), Recorder()
        accuracy = lambda Xs, ys: (self.predict(Xs) == ys).mean()

        with stopwatch(self.timings):
            for it in range(num_iters):
                idx = np.random.choice(num_train, batch_size)
                X_batch, y_batch = X[idx], y[idx]

                loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
                losses(loss)
                sgd(grads)

                if verbose and it % 100 == 0:
                    print("iteration %d / %d: loss %f" % (it, num_iters, loss))

                if it % iterations_per_epoch == 0:
                    train_acc(accuracy(X_batch, y_batch))
                    val_acc(accuracy(X_val, y_val))
                    sgd.end_epoch()

        return {
            "loss_history": losses.values,
            "train_acc_history": train_acc.values,
            "val_acc_history": val_acc.values,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
