import numpy as np


class Affine(object):
    def __init__(self, wkey, bkey):
        self.wkey, self.bkey = wkey, bkey
        self.x = None

    def forward(self, params, x):
        self.x = x
        return x.dot(params[self.wkey]) + params[self.bkey]

    def backward(self, params, dout, grads):
        grads[self.wkey] = self.x.T.dot(dout)
        grads[self.bkey] = dout.sum(axis=0)
        return dout.dot(params[self.wkey].T)


class ReLU(object):
    def __init__(self):
        self.mask = None

    def forward(self, params, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, params, dout, grads):
        return dout * self.mask


class SoftmaxCrossEntropy(object):
    def __call__(self, scores, y):
        n = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        logz = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        logp = shifted - logz
        loss = -logp[np.arange(n), y].sum() / n
        dscores = np.exp(logp)
        dscores[np.arange(n), y] -= 1.0
        return loss, dscores / n


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.layers = [Affine('W1', 'b1'), ReLU(), Affine('W2', 'b2')]
        self.criterion = SoftmaxCrossEntropy()

    def _layers(self):
        # nets built with __new__ (no __init__) still work
        if not hasattr(self, 'layers'):
            self.layers = [Affine('W1', 'b1'), ReLU(), Affine('W2', 'b2')]
            self.criterion = SoftmaxCrossEntropy()
        return self.layers

    def loss(self, X, y=None, reg=0.0):
        out = X
        for layer in self._layers():
            out = layer.forward(self.params, out)
        if y is None:
            return out

        data_loss, dout = self.criterion(out, y)
        weights = [self.params['W1'], self.params['W2']]
        loss = data_loss + reg * sum(np.sum(w * w) for w in weights)

        grads = {}
        for layer in reversed(self.layers):
            dout = layer.backward(self.params, dout, grads)
        for key in ('W1', 'W2'):
            grads[key] = grads[key] + 2 * reg * self.params[key]
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history['train_acc_history'].append(np.mean(self.predict(X_batch) == y_batch))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
