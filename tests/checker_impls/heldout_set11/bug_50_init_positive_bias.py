import numpy as np

PARAM_NAMES = ('W1', 'b1', 'W2', 'b2')


def affine_forward(x, w, b):
    return x.dot(w) + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, x):
    return dout * (x > 0)


def softmax_loss(scores, y):
    n = scores.shape[0]
    z = scores - scores.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(n), y].mean()
    dz = np.exp(log_p)
    dz[np.arange(n), y] -= 1
    return loss, dz / n


def l2_penalty(reg, *weights):
    return reg * sum(np.sum(w * w) for w in weights)


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.full(hidden_size, 0.01)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64) for name in PARAM_NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in PARAM_NAMES)
        a1, fc1 = affine_forward(X, W1, b1)
        h1, r1 = relu_forward(a1)
        scores, fc2 = affine_forward(h1, W2, b2)
        if y is None:
            return scores
        data_loss, dscores = softmax_loss(scores, y)
        loss = data_loss + l2_penalty(reg, W1, W2)
        dh1, dW2, db2 = affine_backward(dscores, fc2)
        da1 = relu_backward(dh1, r1)
        _, dW1, db1 = affine_backward(da1, fc1)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def _sgd_step(self, grads, lr):
        for k in PARAM_NAMES:
            self.params[k] -= lr * grads[k]

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[idx], y=y[idx], reg=reg)
            stats['loss_history'].append(loss)
            self._sgd_step(grads, learning_rate)
            if verbose and it % 100 == 0:
                print('iteration {} / {}: loss {:.6f}'.format(it, num_iters, loss))
            if it % epoch_len == 0:
                stats['train_acc_history'].append(self._accuracy(X[idx], y[idx]))
                stats['val_acc_history'].append(self._accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
