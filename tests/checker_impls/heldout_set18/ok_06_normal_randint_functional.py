"""Two-layer net written as a handful of pure functions wrapped by a thin class."""
import numpy as np

PARAM_ORDER = ("W1", "b1", "W2", "b2")


def _relu(a):
    return np.clip(a, 0.0, None)


def _log_softmax(scores):
    top = scores.max(axis=1, keepdims=True)
    centred = scores - top
    return centred - np.log(np.exp(centred).sum(axis=1, keepdims=True))


def _forward(params, X):
    W1, b1, W2, b2 = (params[k] for k in PARAM_ORDER)
    pre = np.matmul(X, W1) + b1
    hid = _relu(pre)
    return np.matmul(hid, W2) + b2, pre, hid


def _loss_and_grads(params, X, y, reg):
    W1, W2 = params["W1"], params["W2"]
    scores, pre, hid = _forward(params, X)
    n = scores.shape[0]
    logp = _log_softmax(scores)
    picked = np.take_along_axis(logp, np.asarray(y).reshape(-1, 1), axis=1)
    value = -picked.mean() + reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

    delta = np.exp(logp)
    np.subtract.at(delta, (np.arange(n), y), 1.0)
    delta /= n
    grads = {"W2": np.matmul(hid.T, delta) + 2 * reg * W2, "b2": delta.sum(axis=0)}
    back = np.matmul(delta, W2.T) * (pre > 0)
    grads["W1"] = np.matmul(X.T, back) + 2 * reg * W1
    grads["b1"] = back.sum(axis=0)
    return value, grads


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.normal(0.0, 1.0, (input_size, hidden_size)) * std
        W2 = np.random.normal(0.0, 1.0, (hidden_size, output_size)) * std
        self.params = {"W1": W1, "b1": np.zeros(W1.shape[1]),
                       "W2": W2, "b2": np.zeros(W2.shape[1])}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64, copy=True) for k in PARAM_ORDER}
        return net

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return _forward(self.params, X)[0]
        return _loss_and_grads(self.params, X, y, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        epoch_len = max(num_train // batch_size, 1)
        stats = {key: [] for key in ("loss_history", "train_acc_history", "val_acc_history")}
        rate = [learning_rate]

        def minibatches():
            for _ in range(num_iters):
                picks = np.random.randint(0, num_train, size=batch_size)
                yield X[picks], y[picks]

        for it, (xb, yb) in enumerate(minibatches()):
            value, grads = self.loss(xb, y=yb, reg=reg)
            stats["loss_history"].append(value)
            for k in PARAM_ORDER:
                np.subtract(self.params[k], rate[0] * grads[k], out=self.params[k])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % epoch_len == 0:
                stats["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                rate[0] *= learning_rate_decay
        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
