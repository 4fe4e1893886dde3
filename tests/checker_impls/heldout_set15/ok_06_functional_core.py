"""A thin class around pure functions of a parameter tuple."""
import numpy as np

KEYS = ('W1', 'b1', 'W2', 'b2')


def forward(params, X):
    W1, b1, W2, b2 = params
    z1 = X.dot(W1) + b1
    a1 = np.maximum(0, z1)
    return a1.dot(W2) + b2, (z1, a1)


def softmax_xent(scores, y):
    n = scores.shape[0]
    s = scores - np.max(scores, axis=1, keepdims=True)
    log_p = s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))
    return -np.mean(log_p[np.arange(n), y]), np.exp(log_p)


def backward(params, X, y, cache, probs, reg):
    W1, _, W2, _ = params
    z1, a1 = cache
    n = X.shape[0]
    d = probs.copy()
    d[np.arange(n), y] -= 1
    d /= n
    dz1 = d.dot(W2.T) * (z1 > 0)
    return (X.T.dot(dz1) + 2 * reg * W1, dz1.sum(axis=0),
            a1.T.dot(d) + 2 * reg * W2, d.sum(axis=0))


def sgd_step(params, grads, lr):
    return tuple(p - lr * g for p, g in zip(params, grads))


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = std * np.random.randn(input_size, hidden_size)
        second = std * np.random.randn(hidden_size, output_size)
        self.params = dict(zip(KEYS, (first, np.zeros(hidden_size), second, np.zeros(output_size))))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in KEYS}
        return net

    def _tuple(self):
        return tuple(self.params[k] for k in KEYS)

    def loss(self, X, y=None, reg=0.0):
        params = self._tuple()
        scores, cache = forward(params, X)
        if y is None:
            return scores
        data_loss, probs = softmax_xent(scores, y)
        W1, W2 = params[0], params[2]
        total = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        return total, dict(zip(KEYS, backward(params, X, y, cache, probs, reg)))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_every = max(num_train // batch_size, 1)
        histories = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        it = 0
        while it < num_iters:
            chosen = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[chosen], y[chosen]
            value, grads = self.loss(X_batch, y=y_batch, reg=reg)
            histories['loss_history'].append(value)
            new = sgd_step(self._tuple(), tuple(grads[k] for k in KEYS), learning_rate)
            self.params.update(zip(KEYS, new))
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % epoch_every == 0:
                histories['train_acc_history'].append((self.predict(X_batch) == y_batch).mean())
                histories['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
            it += 1
        return histories

    def predict(self, X):
        return np.argmax(forward(self._tuple(), X)[0], axis=1)
