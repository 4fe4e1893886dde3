import numpy as np


def affine_forward(x, w, b):
    return x.dot(w) + b, {'x': x, 'w': w}


def affine_backward(dout, cache):
    return dout.dot(cache['w'].T), cache['x'].T.dot(dout), np.sum(dout, axis=0)


def relu_forward(x):
    return np.maximum(x, 0), {'x': x}


def relu_backward(dout, cache):
    dx = dout.copy()
    dx[cache['x'] <= 0] = 0
    return dx


def softmax_loss(scores, y):
    n = scores.shape[0]
    logits = scores - np.max(scores, axis=1)[:, np.newaxis]
    log_z = np.log(np.sum(np.exp(logits), axis=1))
    loss = np.sum(log_z - logits[np.arange(n), y]) / n
    dx = np.exp(logits - log_z[:, np.newaxis])
    dx[np.arange(n), y] -= 1
    dx /= n
    return loss, dx


def l2_penalty(reg, *weights):
    value = 0.0
    for w in weights:
        value += reg * np.sum(w * w)
    return value, [2 * reg * w for w in weights]


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        caches = {}
        a1, caches['fc1'] = affine_forward(X, self.params['W1'], self.params['b1'])
        h1, caches['relu'] = relu_forward(a1)
        scores, caches['fc2'] = affine_forward(h1, self.params['W2'], self.params['b2'])
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss, (dW1_reg, dW2_reg) = l2_penalty(reg, self.params['W1'], self.params['W2'])

        grads = {}
        dh1, grads['W2'], grads['b2'] = affine_backward(dscores, caches['fc2'])
        da1 = relu_backward(dh1, caches['relu'])
        _, grads['W1'], grads['b1'] = affine_backward(da1, caches['fc1'])
        grads['W1'] += dW1_reg
        grads['W2'] += dW2_reg
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        def accuracy(inputs, labels):
            return (self.predict(inputs) == labels).mean()

        for it in range(num_iters):
            ix = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[ix], y=y[ix], reg=reg)
            stats['loss_history'].append(loss)
            for p, w in self.params.items():
                w -= learning_rate * grads[p]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats['train_acc_history'].append(accuracy(X[ix], y[ix]))
                stats['val_acc_history'].append(accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
