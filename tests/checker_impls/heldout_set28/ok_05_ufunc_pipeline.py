"""Two-layer net written as a small pipeline of ufuncs, with a batch generator."""

import numpy as np


def _batches(num_train, batch_size, num_iters):
    for it in range(num_iters):
        yield it, np.random.choice(num_train, batch_size)


class TwoLayerNet:
    """affine - ReLU - affine - softmax; parameters in ``self.params``."""

    _names = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draws = [np.random.standard_normal((input_size, hidden_size)),
                 np.random.standard_normal((hidden_size, output_size))]
        W1, W2 = (std * d for d in draws)
        self.params = dict(zip(self._names,
                               (W1, np.zeros(hidden_size), W2, np.zeros(output_size))))

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = map(self.params.get, self._names)
        pre = np.matmul(X, W1)
        np.add(pre, b1, out=pre)
        act = np.maximum(pre, 0.0)
        scores = np.add(np.matmul(act, W2), b2)
        if y is None:
            return scores

        n = scores.shape[0]
        lse = np.logaddexp.reduce(scores, axis=1)
        log_probs = scores - lse[:, None]
        rows = np.arange(n)
        data_loss = -np.add.reduce(log_probs[rows, y]) / n
        weights_sq = sum(np.vdot(W, W) for W in (W1, W2))
        loss = data_loss + reg * weights_sq

        dscores = np.exp(log_probs)
        np.add.at(dscores, (rows, y), -1.0)
        dscores *= 1.0 / n
        dact = np.matmul(dscores, W2.T)
        dpre = np.where(pre > 0, dact, 0.0)
        grads = dict(zip(self._names, (
            np.matmul(X.T, dpre) + 2 * reg * W1,
            np.add.reduce(dpre, axis=0),
            np.matmul(act.T, dscores) + 2 * reg * W2,
            np.add.reduce(dscores, axis=0),
        )))
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        rate = [learning_rate]

        def epoch_end(X_batch, y_batch):
            stats["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
            stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
            rate[0] *= learning_rate_decay

        for it, idx in _batches(num_train, batch_size, num_iters):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats["loss_history"].append(loss)
            for name in self._names:
                np.subtract(self.params[name], rate[0] * grads[name], out=self.params[name])
            if verbose and not it % 100:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if not it % per_epoch:
                epoch_end(X_batch, y_batch)
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=-1)
