"""Two-layer net (affine - ReLU - affine - softmax) that keeps its scratch arrays on the instance.

The forward and backward passes write into preallocated float64 buffers through ``out=``
arguments and in-place operators; a buffer is reused between calls for as long as the batch
shape stays the same, so steady-state training allocates almost nothing for activations.
"""

import numpy as np


class TwoLayerNet:
    """Parameters in ``self.params``: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.randn(input_size, hidden_size)
        W1 *= std
        W2 = np.random.randn(hidden_size, output_size)
        W2 *= std
        self.params = {
            "W1": W1,
            "b1": np.zeros(hidden_size),
            "W2": W2,
            "b2": np.zeros(output_size),
        }
        self._ws = {}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net._ws = {}
        return net

    def _scratch(self, name, shape):
        """A float64 work array called ``name``, reallocated only when the shape changes."""
        ws = self.__dict__.setdefault("_ws", {})
        buf = ws.get(name)
        if buf is None or buf.shape != shape:
            buf = np.empty(shape)
            ws[name] = buf
        return buf

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        X = np.asarray(X, dtype=np.float64)
        N, H, C = X.shape[0], W1.shape[1], W2.shape[1]

        z1 = self._scratch("z1", (N, H))
        np.dot(X, W1, out=z1)
        z1 += b1
        h1 = self._scratch("h1", (N, H))
        np.maximum(z1, 0.0, out=h1)
        scores = self._scratch("scores", (N, C))
        np.dot(h1, W2, out=scores)
        scores += b2
        if y is None:
            return scores.copy()  # the buffer itself is reused by the next call

        rows = np.arange(N)
        shifted = self._scratch("shifted", (N, C))
        np.subtract(scores, scores.max(axis=1, keepdims=True), out=shifted)
        probs = self._scratch("probs", (N, C))
        np.exp(shifted, out=probs)
        norm = probs.sum(axis=1)
        data_loss = np.mean(np.log(norm) - shifted[rows, y])
        reg_loss = reg * (np.vdot(W1, W1) + np.vdot(W2, W2))
        loss = data_loss + reg_loss

        # The probability buffer becomes d loss / d scores in place.
        probs /= norm[:, None]
        probs[rows, y] -= 1.0
        probs /= N
        db2 = np.empty(C)
        np.sum(probs, axis=0, out=db2)

        dW2 = np.dot(h1.T, probs)
        dW2 += (2.0 * reg) * W2
        dh1 = self._scratch("dh1", (N, H))
        np.dot(probs, W2.T, out=dh1)
        dh1 *= z1 > 0
        dW1 = np.dot(X.T, dh1)
        dW1 += (2.0 * reg) * W1
        db1 = dh1.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        params = self.params

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            start = np.random.choice(max(num_train - batch_size, 1))
            X_batch = X[start:start + batch_size]  # a view, no gather copy
            y_batch = y[start:start + batch_size]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, g in grads.items():
                g *= learning_rate  # the gradient arrays are fresh, scale them in place
                params[name] -= g

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
