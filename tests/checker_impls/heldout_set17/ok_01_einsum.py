"""Two-layer classifier in which every contraction is spelled out with np.einsum."""
import numpy as np


class TwoLayerNet:

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

    def _forward(self, X):
        P = self.params
        z = np.einsum('nd,dh->nh', X, P['W1']) + P['b1']
        h = np.maximum(z, 0.0)
        s = np.einsum('nh,hc->nc', h, P['W2']) + P['b2']
        return z, h, s

    def loss(self, X, y=None, reg=0.0):
        z, h, s = self._forward(X)
        if y is None:
            return s
        P = self.params
        n, c = s.shape
        y = np.asarray(y)
        t = s - s.max(axis=1, keepdims=True)
        logp = t - np.log(np.einsum('nc->n', np.exp(t)))[:, None]
        onehot = (y[:, None] == np.arange(c)).astype(np.float64)
        data = -np.einsum('nc,nc->', onehot, logp) / n
        l2 = np.einsum('ij,ij->', P['W1'], P['W1']) + np.einsum('ij,ij->', P['W2'], P['W2'])

        g = (np.exp(logp) - onehot) / n
        dz = np.einsum('nc,hc->nh', g, P['W2']) * (z > 0)
        grads = {
            'W1': np.einsum('nd,nh->dh', X, dz) + 2 * reg * P['W1'],
            'b1': np.einsum('nh->h', dz),
            'W2': np.einsum('nh,nc->hc', h, g) + 2 * reg * P['W2'],
            'b2': np.einsum('nc->c', g),
        }
        return data + reg * l2, grads

    def _epoch_end(self, xb, yb, X_val, y_val, hist):
        hist['train_acc_history'].append(np.mean(self.predict(xb) == yb))
        hist['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        epoch = max(n // batch_size, 1)
        hist = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        rate = learning_rate
        for it in range(num_iters):
            pick = np.random.choice(n, batch_size)
            xb, yb = X[pick], y[pick]
            value, grads = self.loss(xb, y=yb, reg=reg)
            hist['loss_history'].append(value)
            for name in self.params:
                np.subtract(self.params[name], rate * grads[name], out=self.params[name])
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % epoch == 0:
                self._epoch_end(xb, yb, X_val, y_val, hist)
                rate *= learning_rate_decay
        return hist

    def predict(self, X):
        return self._forward(X)[2].argmax(axis=1)
