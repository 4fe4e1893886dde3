import numpy as np


class TwoLayerNet:
    """Two-layer net with input checks and memoised predictions.

    The prediction cache is keyed on the bytes of the input AND of every parameter, so
    it can never return labels computed with older weights.
    """

    _KEYS = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        if not np.isfinite(std) or std < 0:
            raise ValueError("std must be a finite, non-negative number")
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        missing = [k for k in cls._KEYS if k not in params]
        if missing:
            raise KeyError("missing params: %s" % missing)
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in cls._KEYS}
        return net

    def _params_key(self):
        return tuple((k, self.params[k].shape, self.params[k].tobytes()) for k in self._KEYS)

    def loss(self, X, y=None, reg=0.0):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2 or X.shape[1] != self.params["W1"].shape[0]:
            raise ValueError("X must be (N, %d)" % self.params["W1"].shape[0])
        W1, b1, W2, b2 = (self.params[k] for k in self._KEYS)
        hidden_in = X.dot(W1) + b1
        hidden = np.maximum(hidden_in, 0)
        scores = hidden.dot(W2) + b2
        if y is None:
            return scores

        y = np.asarray(y)
        if y.ndim != 1 or len(y) != len(X):
            raise ValueError("y must be (N,)")
        if len(y) and (y.min() < 0 or y.max() >= scores.shape[1]):
            raise ValueError("labels out of range")
        if not np.isfinite(scores).all():
            raise FloatingPointError("non-finite scores")
        n = max(len(y), 1)

        shifted = scores - scores.max(axis=1, keepdims=True) if len(y) else scores
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -log_probs[np.arange(len(y)), y].sum() / n
        loss = data_loss + reg * (np.square(W1).sum() + np.square(W2).sum())

        delta = np.exp(log_probs)
        delta[np.arange(len(y)), y] -= 1
        delta /= n
        d_hidden = delta.dot(W2.T)
        d_hidden[hidden_in <= 0] = 0.0
        grads = {
            "W1": X.T.dot(d_hidden) + 2 * reg * W1,
            "b1": d_hidden.sum(axis=0),
            "W2": hidden.T.dot(delta) + 2 * reg * W2,
            "b2": delta.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        if batch_size <= 0:
            raise ValueError("batch_size must be positive")
        if num_iters < 0:
            raise ValueError("num_iters must be non-negative")
        num_train = X.shape[0]
        if num_train == 0:
            raise ValueError("empty training set")
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[batch], y[batch], reg=reg)
            if not np.isfinite(loss):
                raise FloatingPointError("training diverged at iteration %d" % it)
            history["loss_history"].append(loss)
            for k in self._KEYS:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X[batch]) == y[batch]).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        X = np.asarray(X, dtype=np.float64)
        cache = self.__dict__.setdefault("_memo", {})
        key = (X.shape, X.tobytes(), self._params_key())
        if key not in cache:
            if len(cache) > 64:
                cache.clear()
            cache[key] = np.argmax(self.loss(X), axis=1)
        return cache[key].copy()
