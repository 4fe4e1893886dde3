import numpy as np


def affine_forward(x, w, b):
    return x.dot(w) + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(x, 0), x


def relu_backward(dout, cache):
    dx = dout.copy()
    dx[cache <= 0] = 0
    return dx


def softmax_loss(scores, y):
    n = scores.shape[0]
    z = scores - scores.max(axis=1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    loss = -np.log(p[np.arange(n), y]).sum() / n
    dz = p
    dz[np.arange(n), y] -= 1
    return loss, dz / n


def forward_pass(params, X):
    cache = {}
    a, cache['fc1'] = affine_forward(X, params['W1'], params['b1'])
    h, cache['relu'] = relu_forward(a)
    s, cache['fc2'] = affine_forward(h, params['W2'], params['b2'])
    return s, cache


def backward_pass(dscores, cache):
    grads = {}
    dh, grads['W2'], grads['b2'] = affine_backward(dscores, cache['fc2'])
    da = relu_backward(dh, cache['relu'])
    _, grads['W1'], grads['b1'] = affine_backward(da, cache['fc1'])
    return grads


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        scores, cache = forward_pass(self.params, X)
        if y is None:
            return scores
        data_loss, dscores = softmax_loss(scores, y)
        W1, W2 = self.params['W1'], self.params['W2']
        loss = data_loss + reg * np.sum(W1 ** 2) + reg * np.sum(W2 ** 2)
        grads = backward_pass(dscores, cache)
        grads['W1'] = grads['W1'] + reg * 2 * W1
        grads['W2'] = grads['W2'] + reg * 2 * W2
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            ids = np.random.choice(num_train, batch_size)
            Xb, yb = X[ids], y[ids]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            out['loss_history'].append(loss)
            for k in ('W1', 'b1', 'W2', 'b2'):
                self.params[k] = self.params[k] - learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out['train_acc_history'].append((self.predict(Xb) == yb).mean())
                out['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        scores, _ = forward_pass(self.params, X)
        return np.argmax(scores, axis=1)
