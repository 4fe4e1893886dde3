import numpy as np


def affine_forward(x, w, b):
    return x @ w + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    dx = dout @ w.T
    dw = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dw, db


def relu_forward(x):
    return np.maximum(x, 0.0), x


def relu_backward(dout, cache):
    return np.where(cache > 0, dout, 0.0)


def softmax_loss(scores, y):
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_z = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    log_p = shifted - log_z
    loss = -np.mean(log_p[np.arange(n), y])
    dscores = np.exp(log_p)
    dscores[np.arange(n), y] -= 1.0
    dscores /= n
    return loss, dscores


class TwoLayerNet:
    """affine -> relu -> affine -> softmax, assembled from small layer functions."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        self.params = {}
        for name, shape in (('W1', (D, H)), ('W2', (H, C))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(H)
        self.params['b2'] = np.zeros(C)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))

        a1, cache1 = affine_forward(X, W1, b1)
        h1, cache_r = relu_forward(a1)
        scores, cache2 = affine_forward(h1, W2, b2)
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dh1, dW2, db2 = affine_backward(dscores, cache2)
        da1 = dh1
        _, dW1, db1 = affine_backward(da1, cache1)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def _sgd_step(self, grads, lr):
        for k in ('W1', 'b1', 'W2', 'b2'):
            self.params[k] = self.params[k] - lr * grads[k]

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            sample = np.random.randint(0, num_train, size=batch_size)
            X_batch, y_batch = X[sample], y[sample]

            loss, grads = self.loss(X_batch, y_batch, reg)
            stats['loss_history'].append(loss)
            self._sgd_step(grads, learning_rate)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iters_per_epoch == 0:
                stats['train_acc_history'].append(self._accuracy(X_batch, y_batch))
                stats['val_acc_history'].append(self._accuracy(X_val, y_val))
                learning_rate = learning_rate * learning_rate_decay

        return stats

    def predict(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        hidden = np.maximum(X @ W1 + b1, 0.0)
        scores = hidden @ W2 + b2
        return np.argmax(scores, axis=1)
