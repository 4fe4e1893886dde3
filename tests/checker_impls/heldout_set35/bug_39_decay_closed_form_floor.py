import numpy as np

_KEYS = ('W1', 'b1', 'W2', 'b2')


class TwoLayerNet:
    """affine -> relu -> affine -> softmax, written compactly with @ and einsum."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        self.params = {}
        self.params['W1'] = std * np.random.randn(D, H)
        self.params['b1'] = np.zeros(H)
        self.params['W2'] = std * np.random.randn(H, C)
        self.params['b2'] = np.zeros(C)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = X @ p['W1'] + p['b1']
        h1 = z1.clip(min=0)
        scores = h1 @ p['W2'] + p['b2']
        if y is None:
            return scores

        N, C = scores.shape
        Y = np.eye(C)[y]                                    # one-hot targets, (N, C)
        m = scores.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
        data_loss = np.sum(Y * (lse - scores)) / N
        reg_loss = reg * (np.einsum('ij,ij->', p['W1'], p['W1']) + np.einsum('ij,ij->', p['W2'], p['W2']))
        loss = data_loss + reg_loss

        dscores = (np.exp(scores - lse) - Y) / N
        grads = {}
        grads['W2'] = np.einsum('nh,nc->hc', h1, dscores)
        grads['b2'] = dscores.sum(axis=0)
        dz1 = (dscores @ p['W2'].T) * (z1 > 0)
        grads['W1'] = np.einsum('nd,nh->dh', X, dz1)
        grads['b1'] = dz1.sum(axis=0)
        for k in ('W1', 'W2'):
            grads[k] = grads[k] + 2 * reg * p[k]
        return loss, grads

    def _flat(self, d):
        return np.concatenate([d[k].ravel() for k in _KEYS])

    def _unflat(self, theta):
        out, start = {}, 0
        for k in _KEYS:
            shape = self.params[k].shape
            size = self.params[k].size
            out[k] = theta[start:start + size].reshape(shape)
            start += size
        return out

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        hist = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            # the rate has been decayed once per completed epoch
            lr = learning_rate * learning_rate_decay ** (it // per_epoch)

            i = np.random.choice(n, batch_size)
            Xb, yb = X[i], y[i]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            hist['loss_history'].append(loss)

            theta = self._flat(self.params) - lr * self._flat(grads)
            self.params = self._unflat(theta)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % per_epoch == 0:
                hist['train_acc_history'].append((self.predict(Xb) == yb).mean())
                hist['val_acc_history'].append((self.predict(X_val) == y_val).mean())
        return hist

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
