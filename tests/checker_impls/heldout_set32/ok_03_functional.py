import numpy as np

_NAMES = ("W1", "b1", "W2", "b2")


def _affine_relu_affine(params, X):
    z1 = np.dot(X, params["W1"]) + params["b1"]
    h1 = np.maximum(z1, 0.0)
    return z1, h1, np.dot(h1, params["W2"]) + params["b2"]


def _log_softmax(scores):
    m = scores.max(axis=1, keepdims=True)
    return scores - m - np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))


def _l2(params, reg):
    return reg * sum(float(np.vdot(params[k], params[k])) for k in ("W1", "W2"))


def _backward(params, X, y, z1, h1, logp, reg):
    n = X.shape[0]
    d_scores = np.exp(logp)
    np.subtract.at(d_scores, (np.arange(n), y), 1.0)
    d_scores = d_scores / n
    d_z1 = np.dot(d_scores, params["W2"].T) * (z1 > 0)
    return {
        "W1": np.dot(X.T, d_z1) + 2 * reg * params["W1"],
        "b1": np.sum(d_z1, axis=0),
        "W2": np.dot(h1.T, d_scores) + 2 * reg * params["W2"],
        "b2": np.sum(d_scores, axis=0),
    }


class TwoLayerNet:
    """Thin class over module-level pure functions."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = [(input_size, hidden_size), (hidden_size, output_size)]
        weights = [std * np.random.randn(*s) for s in shapes]
        biases = [np.zeros(s[1]) for s in shapes]
        self.params = dict(zip(_NAMES, (weights[0], biases[0], weights[1], biases[1])))

    @classmethod
    def from_params(cls, params):
        inst = cls.__new__(cls)
        inst.params = {k: np.array(params[k], dtype=np.float64) for k in _NAMES}
        return inst

    def loss(self, X, y=None, reg=0.0):
        z1, h1, scores = _affine_relu_affine(self.params, X)
        if y is None:
            return scores
        logp = _log_softmax(scores)
        value = -np.mean(logp[np.arange(X.shape[0]), y]) + _l2(self.params, reg)
        return value, _backward(self.params, X, y, z1, h1, logp, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        every = max(n // batch_size, 1)
        record = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for step in range(num_iters):
            pick = np.random.choice(n, batch_size)
            xb, yb = X[pick], y[pick]
            value, grads = self.loss(xb, y=yb, reg=reg)
            record["loss_history"].append(value)
            for k in _NAMES:
                self.params[k] -= lr * grads[k]
            if verbose and step % 100 == 0:
                print("iteration %d / %d: loss %f" % (step, num_iters, value))
            if step % every:
                continue
            record["train_acc_history"].append(np.mean(self.predict(xb) == yb))
            record["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
            lr *= learning_rate_decay
        return record

    def predict(self, X):
        return np.argmax(_affine_relu_affine(self.params, X)[2], axis=1)
