import numpy as np


class TwoLayerNet:
    """All four parameters live in one flat vector; self.params holds reshaped views of it."""

    _ORDER = ('W1', 'b1', 'W2', 'b2')

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self._build({'W1': W1, 'b1': np.zeros(hidden_size),
                     'W2': W2, 'b2': np.zeros(output_size)})

    def _build(self, arrays):
        self._shapes = [(k, np.shape(arrays[k])) for k in self._ORDER]
        self._theta = np.concatenate([np.ravel(np.asarray(arrays[k], dtype=np.float64)) for k in self._ORDER])
        self.params = {}
        start = 0
        for k, shape in self._shapes:
            size = int(np.prod(shape))
            self.params[k] = self._theta[start:start + size].reshape(shape)
            start += size

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net._build({k: np.array(params[k], dtype=np.float64) for k in cls._ORDER})
        return net

    def _flat(self, grads):
        return np.concatenate([np.ravel(grads[k]) for k in self._ORDER])

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in self._ORDER]
        a = X.dot(W1) + b1
        h = np.maximum(a, 0)
        out = h.dot(W2) + b2
        if y is None:
            return out
        n = X.shape[0]
        out_max = out.max(axis=1)
        logsum = out_max + np.log(np.exp(out - out_max[:, None]).sum(axis=1))
        loss = (logsum - out[np.arange(n), y]).sum() / n + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        p = np.exp(out - logsum[:, None])
        p[np.arange(n), y] -= 1
        p /= n
        dh = p.dot(W2.T)
        dh[a <= 0] = 0
        return loss, {'W1': X.T.dot(dh) + 2 * reg * W1, 'b1': dh.sum(0),
                      'W2': h.T.dot(p) + 2 * reg * W2, 'b2': p.sum(0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[idx], y[idx], reg=reg)
            loss_history.append(loss)
            self._theta -= learning_rate * self._flat(grads)   # one step for all four views
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X[idx]) == y[idx]).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
