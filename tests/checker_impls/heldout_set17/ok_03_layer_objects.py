import numpy as np


class Affine(object):
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x.dot(self.W) + self.b

    def backward(self, dout):
        self.dW = self.x.T.dot(dout)
        self.db = dout.sum(axis=0)
        return dout.dot(self.W.T)


class ReLU(object):
    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, dout):
        return np.where(self.mask, dout, 0.0)


class SoftmaxCrossEntropy(object):
    def forward(self, scores, y):
        n = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        self.log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.y = y
        return -self.log_probs[np.arange(n), y].mean()

    def backward(self):
        n = self.log_probs.shape[0]
        d = np.exp(self.log_probs)
        d[np.arange(n), self.y] -= 1.0
        return d / n


class TwoLayerNet(object):
    """The network is rebuilt from small layer objects on every call, so the
    parameters in self.params are always the single source of truth."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ('W1', 'b1', 'W2', 'b2'))
        return net

    def _layers(self):
        return [Affine(self.params['W1'], self.params['b1']), ReLU(),
                Affine(self.params['W2'], self.params['b2'])]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        if y is None:
            return out
        head = SoftmaxCrossEntropy()
        data_loss = head.forward(out, y)
        W1, W2 = self.params['W1'], self.params['W2']
        penalty = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        d = head.backward()
        for layer in reversed(layers):
            d = layer.backward(d)
        fc1, fc2 = layers[0], layers[2]
        grads = {'W1': fc1.dW + 2 * reg * W1, 'b1': fc1.db,
                 'W2': fc2.dW + 2 * reg * W2, 'b2': fc2.db}
        return data_loss + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[idx], y=y[idx], reg=reg)
            out['loss_history'].append(loss)
            for k in ('W1', 'b1', 'W2', 'b2'):
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % per_epoch == 0:
                out['train_acc_history'].append((self.predict(X[idx]) == y[idx]).mean())
                out['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
