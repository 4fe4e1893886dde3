"""Two-layer net with generators everywhere: the forward pass yields its
intermediate values, minibatches come from an endless generator and the
learning rate from a decaying one."""
import numpy as np


def minibatches(X, y, batch_size):
    """Endless stream of (X_batch, y_batch) drawn with replacement."""
    num_train = X.shape[0]
    while True:
        idx = np.random.choice(num_train, batch_size)
        yield X[idx], y[idx]


def exponential_decay(rate, decay):
    """rate, rate * decay, rate * decay**2, ..."""
    while True:
        yield rate
        rate *= decay


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> softmax; parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {
            "W1": (input_size, hidden_size),
            "b1": (hidden_size,),
            "W2": (hidden_size, output_size),
            "b2": (output_size,),
        }
        self.params = {
            name: std * np.random.randn(*shape) if name.startswith("W") else np.zeros(shape)
            for name, shape in shapes.items()
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def named_weights(self):
        yield from ((name, self.params[name]) for name in ("W1", "W2"))

    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        yield z1
        h1 = np.maximum(z1, 0)
        yield h1
        yield h1 @ p["W2"] + p["b2"]

    def loss(self, X, y=None, reg=0.0):
        z1, h1, scores = self._forward(X)
        if y is None:
            return scores

        n = len(X)
        rows = np.arange(n)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_probs[rows, y].mean() + reg * sum(np.sum(W * W) for _, W in self.named_weights())

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        dscores /= n
        dz1 = (dscores @ self.params["W2"].T) * (z1 > 0)
        grads = {
            "W1": X.T @ dz1,
            "b1": dz1.sum(axis=0),
            "W2": h1.T @ dscores,
            "b2": dscores.sum(axis=0),
        }
        for name, W in self.named_weights():
            grads[name] += 2 * reg * W
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        rates = exponential_decay(learning_rate, learning_rate_decay)
        batches = minibatches(X, y, batch_size)

        for it, (X_batch, y_batch), rate in zip(range(num_iters), batches, rates):
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats["loss_history"].append(loss)
            for name in self.params:
                self.params[name] -= rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))

        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
