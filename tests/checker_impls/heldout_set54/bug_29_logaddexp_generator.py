"""Two-layer net with the log-partition function accumulated by np.logaddexp.

log Z(x) = log sum_c exp(s_c) is computed as a pairwise log-space reduction,
which never forms exp(s_c) for large s_c.  Training draws its iterates from a
small generator.
"""
import numpy as np


def log_partition(S):
    """log sum_c exp(S[n, c]) for every row, reduced pairwise in log space."""
    return np.logaddexp.reduce(S, axis=1, keepdims=True)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=np.random.randn(input_size, hidden_size) * std,
            b1=np.zeros(hidden_size),
            W2=np.random.randn(hidden_size, output_size) * std,
            b2=np.zeros(output_size),
        )

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        A1 = X @ W1 + b1
        H1 = A1.clip(min=0)
        S = H1 @ W2 + b2
        if y is None:
            return S

        N = len(X)
        log_post = S - log_partition(S)                        # log q(c | x)
        onehot = (np.arange(S.shape[1]) == y[:, None]).astype(float)
        data = -np.sum(onehot * log_post) / N
        prior = reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        delta = (np.exp(log_post) - onehot) / N
        back = (delta @ W2.T) * (A1 > 0)
        grads = dict(
            W1=X.T @ back + 2 * reg * W1,
            b1=back.sum(0),
            W2=A1.T @ delta + 2 * reg * W2,
            b2=delta.sum(0),
        )
        return data + prior, grads

    @staticmethod
    def _iterates(num_train, batch_size, num_iters):
        """Yield (k, minibatch indices) for k = 0, ..., num_iters - 1."""
        for k in range(num_iters):
            yield k, np.random.choice(num_train, batch_size)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        sweep = max(num_train // batch_size, 1)
        lr = learning_rate
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for k, idx in self._iterates(num_train, batch_size, num_iters):
            xb, yb = X[idx], y[idx]
            value, grad = self.loss(xb, y=yb, reg=reg)
            stats["loss_history"].append(value)
            for key in self.params:
                self.params[key] -= lr * grad[key]
            if verbose and k % 100 == 0:
                print("iteration %d / %d: loss %f" % (k, num_iters, value))
            if k % sweep == 0:
                stats["train_acc_history"].append((self.predict(xb) == yb).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
