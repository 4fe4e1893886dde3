import numpy as np


def affine_forward(x, w, b):
    out = x.dot(w) + b
    return out, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


def softmax_loss(x, y):
    shifted = x - np.max(x, axis=1, keepdims=True)
    Z = np.sum(np.exp(shifted), axis=1, keepdims=True)
    log_probs = shifted - np.log(Z)
    probs = np.exp(log_probs)
    N = x.shape[0]
    loss = -np.sum(log_probs[np.arange(N), y]) / N
    dx = probs.copy()
    dx[np.arange(N), y] -= 1
    dx /= N
    return loss, dx


class TwoLayerNet(object):
    """The two-layer net assembled from the layer helpers of the later assignment."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for k in ['W1', 'b1', 'W2', 'b2']:
            net.params[k] = np.array(params[k], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        a1, fc1_cache = affine_forward(X, self.params['W1'], self.params['b1'])
        h1, relu_cache = relu_forward(a1)
        scores, fc2_cache = affine_forward(h1, self.params['W2'], self.params['b2'])
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss = 0.0
        for name in ('W1', 'W2'):
            reg_loss += reg * np.sum(self.params[name] * self.params[name])
        loss = data_loss + reg_loss

        grads = {}
        dh1, grads['W2'], grads['b2'] = affine_backward(dscores, fc2_cache)
        da1 = relu_backward(dh1, relu_cache)
        _, grads['W1'], grads['b1'] = affine_backward(da1, fc1_cache)
        for name in ('W1', 'W2'):
            grads[name] += 2 * reg * self.params[name]
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        config = {'learning_rate': learning_rate}

        def sgd(w, dw, config):
            w -= config['learning_rate'] * dw
            return w, config

        for t in range(num_iters):
            mask = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[mask], y[mask]
            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            history['loss_history'].append(loss)
            for k in self.params:
                self.params[k], config = sgd(self.params[k], grads[k], config)
            if verbose and t % 100 == 0:
                print('(Iteration %d / %d) loss: %f' % (t, num_iters, loss))
            if t % iterations_per_epoch == 0:
                history['train_acc_history'].append(np.mean(self.predict(X_batch) == y_batch))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                config['learning_rate'] *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
