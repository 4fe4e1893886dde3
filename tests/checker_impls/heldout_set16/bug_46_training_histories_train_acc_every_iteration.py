import numpy as np


class TwoLayerNet(object):
    """input -> affine -> relu -> affine -> softmax cross-entropy (+ L2 on weights)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        W1 = std * np.random.randn(D, H)
        W2 = std * np.random.randn(H, C)
        self.params = {'W1': W1, 'b1': np.zeros(H), 'W2': W2, 'b2': np.zeros(C)}

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = dict((k, np.asarray(params[k], dtype=np.float64).copy())
                          for k in ('W1', 'b1', 'W2', 'b2'))
        return obj

    # ------------------------------------------------------------------ pieces
    def _forward(self, X):
        p = self.params
        z = np.dot(X, p['W1']) + p['b1']
        h = np.maximum(z, 0.0)
        s = np.dot(h, p['W2']) + p['b2']
        cache = {'X': X, 'z': z, 'h': h}
        return s, cache

    def _data_loss(self, s, y):
        n = s.shape[0]
        m = np.max(s, axis=1, keepdims=True)
        logp = (s - m) - np.log(np.sum(np.exp(s - m), axis=1, keepdims=True))
        return -np.sum(logp[np.arange(n), y]) / n, np.exp(logp)

    def _reg_loss(self, reg):
        W1, W2 = self.params['W1'], self.params['W2']
        return reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

    def _backward(self, probs, y, cache, reg):
        p = self.params
        n = probs.shape[0]
        ds = probs.copy()
        ds[np.arange(n), y] -= 1.0
        ds /= n
        grads = {}
        grads['W2'] = np.dot(cache['h'].T, ds) + 2.0 * reg * p['W2']
        grads['b2'] = np.sum(ds, axis=0)
        dh = np.dot(ds, p['W2'].T)
        dz = dh * (cache['z'] > 0)
        grads['W1'] = np.dot(cache['X'].T, dz) + 2.0 * reg * p['W1']
        grads['b1'] = np.sum(dz, axis=0)
        return grads

    # ------------------------------------------------------------------ API
    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores
        data_loss, probs = self._data_loss(scores, y)
        loss = data_loss + self._reg_loss(reg)
        grads = self._backward(probs, y, cache, reg)
        return loss, grads

    def _sample_batch(self, X, y, batch_size):
        idx = np.random.choice(X.shape[0], batch_size)
        return X[idx], y[idx]

    def _sgd_step(self, grads, lr):
        for name in ('W1', 'b1', 'W2', 'b2'):
            self.params[name] -= lr * grads[name]

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate

        for it in range(num_iters):
            X_batch, y_batch = self._sample_batch(X, y, batch_size)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            self._sgd_step(grads, lr)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            train_acc_history.append(self._accuracy(X_batch, y_batch))
            if it % iters_per_epoch == 0:
                val_acc_history.append(self._accuracy(X_val, y_val))
                lr *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
