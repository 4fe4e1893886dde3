import numpy as np


class TwoLayerNet:
    """Input -> affine -> ReLU -> affine -> softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        dims = [input_size, hidden_size, output_size]
        self.params = {}
        for layer in (1, 2):
            fan_in, fan_out = dims[layer - 1], dims[layer]
            self.params['W%d' % layer] = std * np.random.randn(fan_in, fan_out)
            self.params['b%d' % layer] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {key: np.array(params[key], dtype=np.float64) for key in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _forward(self, X):
        P = self.params
        cache = {'X': X}
        cache['pre'] = np.dot(X, P['W1']) + P['b1']
        cache['act'] = np.where(cache['pre'] > 0, cache['pre'], 0.0)
        cache['out'] = np.dot(cache['act'], P['W2']) + P['b2']
        return cache

    def _backward(self, cache, y, reg):
        P = self.params
        out = cache['out']
        N = out.shape[0]
        m = out.max(axis=1, keepdims=True)
        e = np.exp(out - m)
        Z = e.sum(axis=1, keepdims=True)
        logp = np.log(e / Z + 1e-8)
        loss = -np.mean(logp[np.arange(N), y])
        loss += reg * (np.sum(np.square(P['W1'])) + np.sum(np.square(P['W2'])))
        d = e / Z
        d[np.arange(N), y] -= 1
        d /= N
        grads = {'b2': d.sum(0), 'W2': cache['act'].T.dot(d) + 2 * reg * P['W2']}
        back = d.dot(P['W2'].T) * (cache['pre'] > 0)
        grads['b1'] = back.sum(0)
        grads['W1'] = cache['X'].T.dot(back) + 2 * reg * P['W1']
        return loss, grads

    def loss(self, X, y=None, reg=0.0):
        cache = self._forward(X)
        if y is None:
            return cache['out']
        return self._backward(cache, y, reg)

    def _batches(self, num_train, batch_size, num_iters):
        for _ in range(num_iters):
            yield np.random.randint(0, num_train, size=batch_size)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        epoch = max(X.shape[0] // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        rate = learning_rate
        for it, idx in enumerate(self._batches(X.shape[0], batch_size, num_iters)):
            xb = X[idx]
            yb = y[idx]
            cur, grads = self.loss(xb, yb, reg)
            losses.append(cur)
            for key in ('W1', 'b1', 'W2', 'b2'):
                self.params[key] -= rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, cur))
            if it % epoch == 0:
                train_accs.append((self.predict(xb) == yb).mean())
                val_accs.append((self.predict(X_val) == y_val).mean())
                rate = rate * learning_rate_decay
        return dict(loss_history=losses, train_acc_history=train_accs, val_acc_history=val_accs)

    def predict(self, X):
        s = self._forward(X)['out']
        return s.argmax(1)
