import numpy as np

PARAM_NAMES = ('W1', 'b1', 'W2', 'b2')


def _forward(params, X):
    z = np.dot(X, params['W1']) + params['b1']
    h = np.where(z > 0, z, 0.0)
    scores = np.dot(h, params['W2']) + params['b2']
    return z, h, scores


def _softmax(scores):
    e = np.exp(scores - scores.max(axis=1)[:, None])
    return e / e.sum(axis=1)[:, None]


def _l2(params):
    return np.sum(np.square(params['W1'])) + np.sum(np.square(params['W2']))


def _minibatches(num_train, batch_size, num_iters):
    for _ in range(num_iters):
        yield np.random.choice(num_train, batch_size)


class TwoLayerNet:
    """A thin class around module-level forward / backward functions."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {'W1': (input_size, hidden_size), 'W2': (hidden_size, output_size)}
        self.params = {}
        for name in ('W1', 'W2'):
            self.params[name] = std * np.random.randn(*shapes[name])
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in PARAM_NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        z, h, scores = _forward(self.params, X)
        if y is None:
            return scores

        n, c = scores.shape
        probs = _softmax(scores)
        picked = np.take_along_axis(probs, y[:, None], axis=1)
        loss = -np.mean(np.log(picked)) + reg * _l2(self.params)

        dscores = (probs - np.eye(c)[y]) / n
        dh = dscores.dot(self.params['W2'].T)
        dz = np.where(z > 0, dh, 0.0)
        grads = {
            'W2': h.T.dot(dscores) + 2 * reg * self.params['W2'],
            'b2': dscores.mean(axis=0),
            'W1': X.T.dot(dz) + 2 * reg * self.params['W1'],
            'b1': dz.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        epochs_done = 0
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it, idx in enumerate(_minibatches(num_train, batch_size, num_iters)):
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, yb, reg=reg)
            out['loss_history'].append(loss)

            lr = learning_rate * learning_rate_decay ** epochs_done
            self.params.update({k: v - lr * grads[k] for k, v in self.params.items()})

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % epoch_len == 0:
                out['train_acc_history'].append(np.mean(self.predict(Xb) == yb))
                out['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                epochs_done += 1

        return out

    def predict(self, X):
        _, _, scores = _forward(self.params, X)
        return scores.argmax(axis=1)
