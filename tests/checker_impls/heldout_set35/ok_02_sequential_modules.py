import numpy as np


class Module:
    """Minimal module protocol: forward caches what backward needs."""

    param_names = ()

    def forward(self, x):
        raise NotImplementedError

    def backward(self, dout):
        raise NotImplementedError


class Linear(Module):
    param_names = ('W', 'b')

    def __init__(self, W, b):
        self.W, self.b = W, b
        self.grads = {}

    def forward(self, x):
        self.x = x
        return np.matmul(x, self.W) + self.b

    def backward(self, dout):
        self.grads = {'W': np.matmul(self.x.T, dout), 'b': np.add.reduce(dout, axis=0)}
        return np.matmul(dout, self.W.T)


class Rectifier(Module):
    def forward(self, x):
        self.off = x <= 0
        out = x.copy()
        out[self.off] = 0.0
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.off] = 0.0
        return dx


class Sequential(Module):
    def __init__(self, *modules):
        self.modules = modules

    def forward(self, x):
        for m in self.modules:
            x = m.forward(x)
        return x

    def backward(self, dout):
        for m in self.modules[::-1]:
            dout = m.backward(dout)
        return dout


def cross_entropy(scores, y):
    """Mean negative log-likelihood of the softmax and d(loss)/d(scores)."""
    n = len(y)
    z = scores - scores.max(axis=1)[:, np.newaxis]
    logp = z - np.log(np.exp(z).sum(axis=1))[:, np.newaxis]
    loss = -logp[np.arange(n), y].mean()
    d = np.exp(logp)
    d[np.arange(n), y] -= 1
    return loss, d / n


class TwoLayerNet:
    """Linear -> Rectifier -> Linear, scored by softmax cross-entropy."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _model(self):
        p = self.params
        return Sequential(Linear(p['W1'], p['b1']), Rectifier(), Linear(p['W2'], p['b2']))

    def loss(self, X, y=None, reg=0.0):
        model = self._model()
        scores = model.forward(X)
        if y is None:
            return scores
        data_loss, dscores = cross_entropy(scores, y)
        model.backward(dscores)

        grads = {}
        for i, layer in ((1, model.modules[0]), (2, model.modules[2])):
            grads['W%d' % i] = layer.grads['W'] + 2 * reg * layer.W
            grads['b%d' % i] = layer.grads['b']
        penalty = sum(np.vdot(self.params[k], self.params[k]) for k in ('W1', 'W2'))
        return data_loss + reg * penalty, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = len(X)
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = dict(loss_history=[], train_acc_history=[], val_acc_history=[])

        params = self.params.copy()   # shallow: same arrays, so in-place updates reach self.params
        for it in range(num_iters):
            pick = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[pick], y=y[pick], reg=reg)
            stats['loss_history'].append(loss)
            for name, value in params.items():
                value -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats['train_acc_history'].append(np.mean(self.predict(X[pick]) == y[pick]))
                stats['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
