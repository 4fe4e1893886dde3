"""Two-layer net whose maths lives in plain module functions over a parameter tuple."""

import numpy as np

_ORDER = ("W1", "b1", "W2", "b2")


def _forward(params, X):
    W1, b1, W2, b2 = params
    pre = X @ W1 + b1
    act = np.clip(pre, 0, None)
    return pre, act, act @ W2 + b2


def _softmax_xent(scores, y):
    z = scores - np.amax(scores, axis=1)[:, None]
    ez = np.exp(z)
    sums = ez.sum(axis=1)
    picked = z[np.arange(len(y)), y]
    loss = np.mean(np.log(sums) - picked)
    probs = ez / sums[:, None]
    return loss, probs


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size) / np.sqrt(input_size)
        W2 = std * np.random.randn(hidden_size, output_size) / np.sqrt(hidden_size)
        self.params = dict(zip(_ORDER, (W1, np.zeros(hidden_size), W2, np.zeros(output_size))))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in _ORDER}
        return net

    def _as_tuple(self):
        return tuple(self.params[k] for k in _ORDER)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self._as_tuple()
        pre, act, scores = _forward((W1, b1, W2, b2), X)
        if y is None:
            return scores

        n = X.shape[0]
        data_loss, probs = _softmax_xent(scores, y)
        penalty = reg * sum(np.vdot(W, W) for W in (W1, W2))

        delta = probs
        delta[np.arange(n), y] -= 1
        delta /= n
        dW2 = act.T @ delta + 2 * reg * W2
        db2 = delta.sum(0)
        dpre = (delta @ W2.T) * (pre > 0)
        dW1 = X.T @ dpre + 2 * reg * W1
        db1 = dpre.sum(0)
        return data_loss + penalty, dict(zip(_ORDER, (dW1, db1, dW2, db2)))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        rate = learning_rate

        for step in range(num_iters):
            pick = np.random.choice(n, batch_size)
            xb, yb = X[pick], y[pick]

            value, grads = self.loss(xb, y=yb, reg=reg)
            losses.append(value)
            for key in _ORDER:
                self.params[key] -= rate * grads[key]

            if verbose and step % 100 == 0:
                print("iteration %d / %d: loss %f" % (step, num_iters, value))

            if not step % per_epoch:
                train_accs.append((self.predict(xb) == yb).mean())
                val_accs.append((self.predict(X_val) == y_val).mean())
                rate = rate * learning_rate_decay

        return {"loss_history": losses, "train_acc_history": train_accs, "val_acc_history": val_accs}

    def predict(self, X):
        return _forward(self._as_tuple(), X)[2].argmax(axis=1)
