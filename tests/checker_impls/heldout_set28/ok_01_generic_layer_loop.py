"""Two-layer net with a generic layer loop and a static forward function."""

import numpy as np


class TwoLayerNet:
    """Layer 1: affine + ReLU; layer 2: affine; then softmax cross-entropy."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = (input_size, hidden_size, output_size)
        self.params = {}
        for layer, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params["W%d" % layer] = std * np.random.randn(fan_in, fan_out)
            self.params["b%d" % layer] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    @staticmethod
    def _forward(params, X):
        cache = []
        out = X
        for layer in (1, 2):
            a = out.dot(params["W%d" % layer]) + params["b%d" % layer]
            cache.append((out, a))
            out = np.maximum(a, 0) if layer == 1 else a
        return out, cache

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(self.params, X)
        if y is None:
            return scores

        N = len(scores)
        y = np.asarray(y)
        z = scores - scores.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -np.take_along_axis(logp, y[:, None], 1).mean()
        loss += reg * sum((self.params[w] ** 2).sum() for w in ("W1", "W2"))

        delta = np.exp(logp)
        delta[np.arange(N), y] -= 1
        delta /= N
        grads = {}
        for layer in (2, 1):
            inp, a = cache[layer - 1]
            if layer == 1:
                delta = delta * (a > 0)
            W = self.params["W%d" % layer]
            grads["W%d" % layer] = inp.T.dot(delta) + 2 * reg * W
            grads["b%d" % layer] = delta.sum(axis=0)
            delta = delta.dot(W.T)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        ipe = max(num_train // batch_size, 1)
        history = {k: [] for k in ("loss_history", "train_acc_history", "val_acc_history")}
        rate = learning_rate

        for it in range(num_iters):
            pick = np.random.choice(num_train, size=batch_size, replace=True)
            xb, yb = X[pick], y[pick]
            value, grads = self.loss(xb, yb, reg)
            history["loss_history"].append(value)
            for key in grads:
                self.params[key] -= rate * grads[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % ipe:
                continue
            history["train_acc_history"].append((self.predict(xb) == yb).mean())
            history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
            rate *= learning_rate_decay
        return history

    def predict(self, X):
        return self._forward(self.params, X)[0].argmax(1)
