"""Two-layer net whose parameters live in one contiguous float64 vector.

``self.params`` holds reshaped views into that vector, so an SGD step is a single vector
update, and ``loss`` returns its gradients as views into one freshly allocated vector.
"""

import numpy as np

_ORDER = ("W1", "b1", "W2", "b2")


def _views(flat, shapes):
    """Reshaped views into ``flat``, one per parameter, laid out in _ORDER."""
    out, pos = {}, 0
    for k in _ORDER:
        size = int(np.prod(shapes[k], dtype=np.int64))
        out[k] = flat[pos:pos + size].reshape(shapes[k])
        pos += size
    return out


def _sgd_step(theta, g, rate):
    """theta -= rate * g, scaling the flat gradient in place."""
    g *= rate
    theta -= g


class TwoLayerNet:
    """Parameters in ``self.params``: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {"W1": (input_size, hidden_size), "b1": (hidden_size,),
                  "W2": (hidden_size, output_size), "b2": (output_size,)}
        total = sum(int(np.prod(s, dtype=np.int64)) for s in shapes.values())
        self._theta = np.zeros(total)
        self.params = _views(self._theta, shapes)
        self._bound = dict(self.params)
        self.params["W1"][...] = std * np.random.randn(input_size, hidden_size)
        self.params["W2"][...] = std * np.random.randn(hidden_size, output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in _ORDER}
        net._flat()
        return net

    def _flat(self):
        """The flat parameter vector; repacks it if an entry of self.params was replaced."""
        p = self.params
        bound = getattr(self, "_bound", None)
        if bound is None or any(p[k] is not bound[k] for k in _ORDER):
            theta = np.concatenate([np.asarray(p[k], dtype=np.float64).ravel() for k in _ORDER])
            views = _views(theta, {k: np.shape(p[k]) for k in _ORDER})
            p.update(views)
            self._theta, self._bound = theta, dict(views)
        return self._theta

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        W1, b1, W2, b2 = p["W1"], p["b1"], p["W2"], p["b2"]
        X = np.asarray(X, dtype=np.float64)
        z1 = X @ W1
        z1 += b1
        h1 = np.maximum(z1, 0.0)
        scores = h1 @ W2
        scores += b2
        if y is None:
            return scores

        N = X.shape[0]
        rows = np.arange(N)
        shifted = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        log_probs = shifted - np.log(e.sum(axis=0, keepdims=True))
        data_loss = -log_probs[rows, y].mean()
        reg_loss = reg * (np.vdot(W1, W1) + np.vdot(W2, W2))
        loss = data_loss + reg_loss

        g = np.empty(sum(p[k].size for k in _ORDER))
        grads = _views(g, {k: p[k].shape for k in _ORDER})
        probs = e
        probs /= e.sum(axis=1, keepdims=True)
        probs[rows, y] -= 1.0
        probs /= N
        np.matmul(h1.T, probs, out=grads["W2"])
        grads["W2"] += 2.0 * reg * W2
        np.sum(probs, axis=0, out=grads["b2"])
        dz1 = probs @ W2.T
        dz1 *= z1 > 0
        np.matmul(X.T, dz1, out=grads["W1"])
        grads["W1"] += 2.0 * reg * W1
        np.sum(dz1, axis=0, out=grads["b1"])
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        theta = self._flat()
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = np.empty(num_iters)
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history[it] = loss
            g = np.concatenate([grads[k].ravel() for k in _ORDER])
            _sgd_step(theta, g, learning_rate)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": list(loss_history),
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
