"""Two-layer net as a list of small layer objects, each with forward and backward.

The layers read their weights from the owning net's ``params`` dict and write their
gradients into a shared ``grads`` dict; the loss layer is a separate callable object.
Training runs as ``while`` over epochs with an inner ``for`` over steps.
"""

import numpy as np


class Affine:
    def __init__(self, params, w_key, b_key):
        self.params, self.w_key, self.b_key = params, w_key, b_key
        self.x = None

    def forward(self, x):
        self.x = x
        return x.dot(self.params[self.w_key]) + self.params[self.b_key]

    def backward(self, dout, grads, reg):
        W = self.params[self.w_key]
        grads[self.w_key] = self.x.T.dot(dout) + 2 * reg * W
        grads[self.b_key] = dout.sum(axis=0)
        return dout.dot(W.T)


class ReLU:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return np.maximum(0, x)

    def backward(self, dout, grads, reg):
        return dout * self.mask


class SoftmaxCrossEntropy:
    def __call__(self, scores, y):
        N, C = scores.shape
        onehot = np.zeros((N, C))
        onehot[np.arange(N), y] = 1.0
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -np.sum(onehot * log_probs) / N
        dscores = (np.exp(log_probs) - onehot) / N
        return loss, dscores


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        spec = [('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))]
        self.params = {}
        for name, shape in spec:
            self.params[name] = np.random.normal(0.0, std, size=shape)
            self.params['b' + name[1:]] = np.zeros(shape[1])

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _build_layers(self):
        return [Affine(self.params, 'W1', 'b1'), ReLU(), Affine(self.params, 'W2', 'b2')]

    def loss(self, X, y=None, reg=0.0):
        layers = self._build_layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        scores = out
        if y is None:
            return scores

        data_loss, dscores = SoftmaxCrossEntropy()(scores, y)
        reg_loss = reg * sum(np.sum(self.params[k] * self.params[k]) for k in ('W1', 'W2'))

        grads = {}
        dout = dscores
        for layer in reversed(layers):
            dout = layer.backward(dout, grads, reg)
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        steps_per_epoch = max(num_train // batch_size, 1)

        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        it = 0
        epoch = 0
        while it < num_iters:
            for step in range(steps_per_epoch):
                if it == num_iters:
                    break
                idx = np.random.choice(num_train, batch_size)
                X_batch, y_batch = X[idx], y[idx]

                loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
                loss_history.append(loss)
                for w_key, b_key in (('W1', 'b1'), ('W2', 'b2')):
                    self.params[w_key] -= lr * grads[w_key]
                    self.params[b_key] -= lr * grads[b_key]

                if verbose and it % 100 == 0:
                    print('iteration %d / %d: loss %f' % (it, num_iters, loss))

                if step == 0:
                    lr *= learning_rate_decay
                it += 1
            train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
            val_acc_history.append(np.mean(self.predict(X_val) == y_val))
            epoch += 1

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        out = X
        for layer in self._build_layers():
            out = layer.forward(out)
        return np.argmax(out, axis=1)
