"""Two-layer net built from small per-layer forward/backward functions.

Each layer is a pair of module-level functions returning ``(out, cache)`` and taking
``(dout, cache)``; training pulls minibatches from a generator and keeps a short-keyed
``history`` dict that is renamed on return.
"""

import numpy as np


def init_affine(fan_in, fan_out, std):
    return std * np.random.randn(fan_in, fan_out), np.zeros(fan_out)


def affine_forward(x, w, b):
    out = x.dot(w) + b
    return out, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def affine_relu_forward(x, w, b):
    z = x.dot(w) + b
    out = np.maximum(0, z)
    return out, (x, w, z)


def affine_relu_backward(dout, cache):
    x, w, z = cache
    dz = dout * (z > 0)
    return dz.dot(w.T), x.T.dot(dz), dz.mean(axis=0)


def softmax_loss(scores, y):
    N = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(N), y].mean()
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1
    dscores /= N
    return loss, dscores


def accuracy(model, X, y):
    return (model.predict(X) == y).mean()


def minibatches(X, y, batch_size, num_iters):
    """Yield ``num_iters`` minibatches drawn with replacement."""
    n = X.shape[0]
    for _ in range(num_iters):
        idx = np.random.choice(n, batch_size)
        yield X[idx], y[idx]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'], self.params['b1'] = init_affine(input_size, hidden_size, std)
        self.params['W2'], self.params['b2'] = init_affine(hidden_size, output_size, std)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']

        h1, cache1 = affine_relu_forward(X, W1, b1)
        scores, cache2 = affine_forward(h1, W2, b2)
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dh1, dW2, db2 = affine_backward(dscores, cache2)
        _, dW1, db1 = affine_relu_backward(dh1, cache1)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def _sgd_step(self, grads, lr):
        for k, g in grads.items():
            self.params[k] -= lr * g

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        steps_per_epoch = max(num_train // batch_size, 1)
        history = {'loss': [], 'train_acc': [], 'val_acc': []}
        lr = learning_rate

        for it, (X_batch, y_batch) in enumerate(minibatches(X, y, batch_size, num_iters)):
            epoch, step = divmod(it, steps_per_epoch)
            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            history['loss'].append(loss)
            self._sgd_step(grads, lr)

            if verbose and it % 100 == 0:
                print('iteration %d / %d (epoch %d): loss %f' % (it, num_iters, epoch, loss))

            if step == 0:
                history['train_acc'].append(accuracy(self, X_batch, y_batch))
                history['val_acc'].append(accuracy(self, X_val, y_val))
                lr *= learning_rate_decay

        return {
            'loss_history': history['loss'],
            'train_acc_history': history['train_acc'],
            'val_acc_history': history['val_acc'],
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
