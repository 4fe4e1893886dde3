import numpy as np


class _Classifier(object):
    """Shared SGD training loop and prediction; subclasses supply loss()."""

    def loss(self, X, y=None, reg=0.0):
        raise NotImplementedError

    def _sgd_step(self, grads, lr):
        for name in self.params:
            np.subtract(self.params[name], lr * grads[name], out=self.params[name])

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        epoch_len = max(n // batch_size, 1)
        losses, tr_acc, va_acc = [], [], []
        for it in range(num_iters):
            b = np.random.choice(n, batch_size)
            Xb = np.take(X, b, axis=0)
            yb = np.take(y, b)
            value, grads = self.loss(Xb, y=yb, reg=reg)
            losses.append(value)
            self._sgd_step(grads, learning_rate)
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % epoch_len == 0:
                tr_acc.append(float(np.mean(self.predict(Xb) == yb)))
                va_acc.append(float(np.mean(self.predict(X_val) == y_val)))
                learning_rate = learning_rate * learning_rate_decay
        return {'loss_history': losses, 'train_acc_history': tr_acc,
                'val_acc_history': va_acc}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)


class _SoftmaxClassifier(_Classifier):
    @staticmethod
    def _softmax_xent(scores, y):
        n = scores.shape[0]
        shifted = np.subtract(scores, np.amax(scores, axis=1, keepdims=True))
        logz = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        logp = shifted - logz
        d = np.exp(logp)
        d[np.arange(n), y] -= 1.0
        return -np.mean(logp[np.arange(n), y]), np.divide(d, n)


class TwoLayerNet(_SoftmaxClassifier):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        z = np.matmul(X, W1) + b1
        a = np.where(z > 0, z, 0.0)
        scores = np.matmul(a, W2) + b2
        if y is None:
            return scores

        data_loss, dS = self._softmax_xent(scores, y)
        loss = data_loss + reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        dW2 = np.matmul(a.T, dS) + 2 * reg * W2
        db2 = np.sum(dS, axis=0)
        dz = np.where(z > 0, np.matmul(dS, W2.T), 0.0)
        dW1 = np.matmul(X.T, dz) + 2 * reg * W1
        db1 = np.sum(dz, axis=0)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
