import numpy as np


class _Affine(object):
    def __init__(self, wkey, bkey):
        self.wkey = wkey
        self.bkey = bkey
        self.x = None

    def forward(self, params, x):
        self.x = x
        return x.dot(params[self.wkey]) + params[self.bkey]

    def backward(self, params, dout, grads):
        grads[self.wkey] = self.x.T.dot(dout)
        grads[self.bkey] = dout.sum(axis=0)
        return dout.dot(params[self.wkey].T)


class _ReLU(object):
    def forward(self, params, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, params, dout, grads):
        return dout * self.mask


def _softmax_xent(scores, y):
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    picked = np.take_along_axis(log_probs, np.asarray(y).reshape(-1, 1), axis=1)
    dscores = np.exp(log_probs)
    np.add.at(dscores, (np.arange(n), y), -1.0)
    return -picked.mean(), dscores / n


class TwoLayerNet(object):
    """Layer objects chained in a list; the backward pass walks the list in reverse."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = np.random.randn(input_size, hidden_size)
        second = np.random.randn(hidden_size, output_size)
        self.params = {
            'W1': std * first,
            'b1': np.zeros(hidden_size),
            'W2': std * second,
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _layers(self):
        return [_Affine('W1', 'b1'), _ReLU(), _Affine('W2', 'b2')]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(self.params, out)
        if y is None:
            return out

        loss, dout = _softmax_xent(out, y)
        grads = {}
        for layer in reversed(layers):
            dout = layer.backward(self.params, dout, grads)

        penalty = 0.0
        for name in ('W1', 'W2'):
            W = self.params[name]
            penalty += np.sum(W * W)
            grads[name] = grads[name] + 2 * reg * W
        return loss + reg * penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        record = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        lr = learning_rate
        it = 0
        for it in range(num_iters):
            chosen = np.random.choice(num_train, size=batch_size, replace=True)
            X_batch, y_batch = X[chosen], y[chosen]
            current, grads = self.loss(X_batch, y=y_batch, reg=reg)
            record['loss_history'].append(current)
            self.params = {k: v - lr * grads[k] for k, v in self.params.items()}
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, current))
            if it % per_epoch == 0:
                for key, (xs, ys) in (('train_acc_history', (X_batch, y_batch)),
                                      ('val_acc_history', (X_val, y_val))):
                    record[key].append(np.mean(self.predict(xs) == ys))
                lr *= learning_rate_decay
        return record

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=1)
