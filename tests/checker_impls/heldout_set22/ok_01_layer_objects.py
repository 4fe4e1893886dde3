"""Two-layer net built from tiny layer objects (affine -> ReLU -> affine -> softmax)."""
import numpy as np


class Linear(object):
    """x @ W + b, reading W and b from the owning net's params by key."""

    def __init__(self, params, wkey, bkey):
        self.params = params
        self.wkey = wkey
        self.bkey = bkey
        self.x = None

    def forward(self, x):
        self.x = x
        return x @ self.params[self.wkey] + self.params[self.bkey]

    def backward(self, dout):
        W = self.params[self.wkey]
        return dout @ W.T, self.x.T @ dout, dout.sum(axis=0)


class ReLU(object):
    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, dout):
        return dout * self.mask


def softmax_cross_entropy(scores, labels):
    n = scores.shape[0]
    z = scores - scores.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(n), labels].sum() / n
    d = np.exp(logp)
    d[np.arange(n), labels] -= 1.0
    return loss, d / n


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = np.random.normal(0.0, std, size=(input_size, hidden_size))
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = np.random.normal(0.0, std, size=(hidden_size, output_size))
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _build(self):
        return Linear(self.params, 'W1', 'b1'), ReLU(), Linear(self.params, 'W2', 'b2')

    def loss(self, X, y=None, reg=0.0):
        fc1, act, fc2 = self._build()
        scores = fc2.forward(act.forward(fc1.forward(X)))
        if y is None:
            return scores

        data_loss, dscores = softmax_cross_entropy(scores, y)
        W1, W2 = self.params['W1'], self.params['W2']
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dh, dW2, db2 = fc2.backward(dscores)
        _, dW1, db1 = fc1.backward(act.backward(dh))
        grads = {
            'W1': dW1 + 2 * reg * W1,
            'b1': db1,
            'W2': dW2 + 2 * reg * W2,
            'b2': db2,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate

        for step in range(num_iters):
            pick = np.random.choice(n, batch_size)
            xb, yb = X[pick], y[pick]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            stats['loss_history'].append(loss)
            for key, g in grads.items():
                self.params[key] -= lr * g

            if verbose and step % 100 == 0:
                print('iteration %d / %d: loss %f' % (step, num_iters, loss))

            if step % per_epoch == 0:
                stats['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                stats['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr = lr * learning_rate_decay

        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
