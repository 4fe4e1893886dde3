"""All of the maths lives in pure module-level functions that take the
parameter dictionary explicitly; the class only holds state."""
import numpy as np

PARAM_NAMES = ('W1', 'b1', 'W2', 'b2')


def init_params(D, H, C, std):
    W1 = std * np.random.randn(D, H)
    W2 = std * np.random.randn(H, C)
    return {'W1': W1, 'b1': np.zeros(H), 'W2': W2, 'b2': np.zeros(C)}


def forward(params, X):
    z = X.dot(params['W1']) + params['b1']
    h = z * (z > 0)
    return h.dot(params['W2']) + params['b2'], (z, h)


def log_softmax(s):
    m = s.max(axis=1, keepdims=True)
    return (s - m) - np.log(np.exp(s - m).sum(axis=1, keepdims=True))


def l2(params):
    return sum(np.sum(params[k] ** 2) for k in ('W1', 'W2'))


def loss_and_grads(params, X, y, reg):
    scores, (z, h) = forward(params, X)
    n, c = scores.shape
    lp = log_softmax(scores)
    target = np.zeros((n, c))
    target[np.arange(n), y] = 1.0
    value = -(lp * target).sum(axis=1).mean() + reg * l2(params)
    d = (np.exp(lp) - target) / n
    dz = d.dot(params['W2'].T) * (z > 0)
    grads = {
        'W2': h.T.dot(d) + 2 * reg * params['W2'],
        'b2': d.sum(axis=0),
        'W1': X.T.dot(dz) + 2 * reg * params['W1'],
        'b1': dz.sum(axis=0),
    }
    return value, grads


def accuracy(pred, y):
    return (pred == y).mean()


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = init_params(input_size, hidden_size, output_size, std)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in PARAM_NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return forward(self.params, X)[0]
        return loss_and_grads(self.params, X, y, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        boundary = max(N // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        for i in range(num_iters):
            sel = np.random.choice(N, batch_size)
            value, grads = loss_and_grads(self.params, X[sel], y[sel], reg)
            losses.append(value)
            for k in PARAM_NAMES:
                self.params[k] -= learning_rate * grads[k]
            if verbose and i % 100 == 0:
                print('iteration %d / %d: loss %f' % (i, num_iters, value))
            if i % boundary:
                continue
            train_accs.append(accuracy(self.predict(X[sel]), y[sel]))
            val_accs.append(accuracy(self.predict(X_val), y_val))
            learning_rate = learning_rate * learning_rate_decay
        return {'loss_history': losses, 'train_acc_history': train_accs,
                'val_acc_history': val_accs}

    def predict(self, X):
        return forward(self.params, X)[0].argmax(axis=1)
