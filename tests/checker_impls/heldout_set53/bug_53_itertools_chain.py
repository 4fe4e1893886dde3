"""Two-layer net leaning on itertools and operator: parameter specs from
zipped sizes, starmap'd label lookups, and an accumulate'd learning-rate schedule."""
import itertools
import operator

import numpy as np

PARAM_NAMES = ("W1", "b1", "W2", "b2")


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> softmax; parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = (input_size, hidden_size, output_size)
        self.params = {}
        for k, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:]), start=1):
            self.params["W%d" % k] = std * np.random.randn(fan_in, fan_out)
            self.params["b%d" % k] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in PARAM_NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = map(self.params.get, PARAM_NAMES)
        z1 = X @ W1 + b1
        h1 = np.maximum(z1, 0)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        n = X.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        log_probs = shifted - log_norm
        data_loss = -sum(itertools.starmap(operator.getitem, zip(log_probs, y))) / n
        reg_loss = reg * sum(map(np.sum, map(np.square, (W1, W2))))

        dscores = np.exp(log_probs)
        dscores[np.arange(n), y] -= 1
        dscores /= n
        dh1 = dscores @ W2.T
        dz1 = np.where(z1 > 0, dh1, 0.0)
        grads = dict(zip(PARAM_NAMES, (
            X.T @ dz1 + 2 * reg * W1,
            dz1.sum(axis=0),
            h1.T @ dscores + 2 * reg * W2,
            dscores.sum(axis=0),
        )))
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        rates = itertools.accumulate(itertools.repeat(learning_rate_decay), operator.mul,
                                     initial=learning_rate)
        rate = next(rates)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in PARAM_NAMES:
                self.params[name] -= rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                rate = next(rates)

        return {
            "loss_history": [total / k for k, total in enumerate(itertools.accumulate(loss_history), start=1)],
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.fromiter(map(np.argmax, scores), dtype=np.intp, count=len(scores))
