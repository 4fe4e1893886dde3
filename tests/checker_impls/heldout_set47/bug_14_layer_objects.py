"""Layer objects (Affine, ReLU, softmax cross-entropy) stacked into a general MLP, used with two layers."""

import numpy as np


def gaussian_init(shape, std):
    """Weights drawn from a zero-mean Gaussian with standard deviation ``std``."""
    return std * np.random.randn(*shape)


class Affine:
    """Fully connected layer; looks its weights up in the params dict at call time."""

    def __init__(self, w_key, b_key):
        self.w_key, self.b_key = w_key, b_key
        self.x = None

    def forward(self, x, params):
        self.x = x
        return x.dot(params[self.w_key]) + params[self.b_key]

    def backward(self, dout, params):
        grads = {self.w_key: self.x.T.dot(dout), self.b_key: np.sum(dout, axis=0)}
        return dout.dot(params[self.w_key].T), grads


class ReLU:
    def __init__(self):
        self.mask = None

    def forward(self, x, params):
        self.mask = x > 0
        return np.maximum(0, x)

    def backward(self, dout, params):
        return dout * self.mask, {}


class SoftmaxCrossEntropy:
    """Mean softmax cross-entropy over the rows of the scores."""

    def forward(self, scores, y):
        N = scores.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        self.probs, self.y = np.exp(log_probs), y
        return -np.sum(log_probs[np.arange(N), y])

    def backward(self):
        N = self.probs.shape[0]
        dscores = self.probs.copy()
        dscores[np.arange(N), self.y] -= 1
        return dscores / N


class L2:
    """L2 weight penalty strength * sum(W ** 2)."""

    def __init__(self, strength):
        self.strength = strength

    def penalty(self, W):
        return self.strength * np.sum(W * W)

    def grad(self, W):
        return 2 * self.strength * W


class SGD:
    """Plain SGD whose rate is multiplied by ``decay`` at the end of each epoch."""

    def __init__(self, lr=1e-3, decay=1.0):
        self.lr = lr
        self.decay = decay

    def step(self, params, grads):
        for name, param in params.items():
            param -= self.lr * grads[name]

    def end_epoch(self):
        self.lr *= self.decay


class TwoLayerNet:
    """A stack of layer objects: Affine, ReLU, ..., Affine; the last output feeds the softmax loss."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = [input_size, hidden_size, output_size]
        self.params = {}
        for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params['W%d' % i] = gaussian_init((fan_in, fan_out), std)
            self.params['b%d' % i] = np.zeros(fan_out)
        self._build()

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        net._build()
        return net

    def _build(self):
        num_layers = len(self.params) // 2
        self.layers = []
        for i in range(1, num_layers + 1):
            self.layers.append(Affine('W%d' % i, 'b%d' % i))
            if i < num_layers:
                self.layers.append(ReLU())
        self.loss_layer = SoftmaxCrossEntropy()

    def forward(self, X):
        out = X
        for layer in self.layers:
            out = layer.forward(out, self.params)
        return out

    def loss(self, X, y=None, reg=0.0):
        scores = self.forward(X)
        if y is None:
            return scores

        regulariser = L2(reg)
        weight_keys = [layer.w_key for layer in self.layers if isinstance(layer, Affine)]
        loss = self.loss_layer.forward(scores, y)
        loss += sum(regulariser.penalty(self.params[k]) for k in weight_keys)

        grads = {}
        dout = self.loss_layer.backward()
        for layer in reversed(self.layers):
            dout, layer_grads = layer.backward(dout, self.params)
            grads.update(layer_grads)
        for k in weight_keys:
            grads[k] = grads[k] + regulariser.grad(self.params[k])
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        optimizer = SGD(lr=learning_rate, decay=learning_rate_decay)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            optimizer.step(self.params, grads)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history['train_acc_history'].append(self._accuracy(X_batch, y_batch))
                history['val_acc_history'].append(self._accuracy(X_val, y_val))
                optimizer.end_epoch()

        return history

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def predict(self, X):
        return np.argmax(self.forward(X), axis=1)
