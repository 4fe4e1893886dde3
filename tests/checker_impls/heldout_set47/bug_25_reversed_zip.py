"""A general MLP whose layers are described by parallel lists (keys, activations) walked with zip,
forward in order and backward with reversed(); instantiated with one hidden layer."""

import numpy as np


def _relu(z):
    return np.maximum(0, z)


def _relu_grad(dout, z):
    return dout * (z > 0)


def _identity(z):
    return z


def _identity_grad(dout, z):
    return dout


def _softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def _softmax_grad(dout, z):
    s = _softmax(z)
    return s * (dout - np.sum(dout * s, axis=1, keepdims=True))


# name -> (forward, backward); backward takes the upstream gradient and the pre-activation.
ACTIVATIONS = {
    'relu': (_relu, _relu_grad),
    'identity': (_identity, _identity_grad),
    'softmax': (_softmax, _softmax_grad),
}


class _SGD:
    def __init__(self, learning_rate):
        self.learning_rate = learning_rate

    def update(self, params, grads):
        for key in params:
            params[key] -= self.learning_rate * grads[key]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self._configure((input_size, hidden_size, output_size))
        self.params = {}
        for (w_key, b_key), fan_in, fan_out in zip(self.keys, self.sizes[:-1], self.sizes[1:]):
            self.params[w_key] = std * np.random.randn(fan_in, fan_out)
            self.params[b_key] = np.zeros(fan_out)

    def _configure(self, sizes):
        self.sizes = tuple(sizes)
        num_layers = len(self.sizes) - 1
        self.keys = [('W%d' % (i + 1), 'b%d' % (i + 1)) for i in range(num_layers)]
        self.activations = ['relu'] * (num_layers - 1) + ['identity']

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        D, H = net.params['W1'].shape
        net._configure((D, H, net.params['W2'].shape[1]))
        return net

    def _forward(self, X):
        inputs, zs = [], []
        h = X
        for (w_key, b_key), act in zip(self.keys, self.activations):
            inputs.append(h)
            z = h.dot(self.params[w_key]) + self.params[b_key]
            zs.append(z)
            h = ACTIVATIONS[act][0](z)
        return h, inputs, zs

    def loss(self, X, y=None, reg=0.0):
        scores, inputs, zs = self._forward(X)
        if y is None:
            return scores

        N = len(y)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(N), y])
        loss += reg * sum(np.sum(self.params[w_key] ** 2) for w_key, _ in self.keys)

        dout = np.exp(log_probs)
        dout[np.arange(N), y] -= 1
        dout /= N
        grads = {}
        for (w_key, b_key), act, x_in, z in reversed(list(zip(self.keys, self.activations, inputs, zs))):
            dz = ACTIVATIONS[act][1](dout, z)
            grads[w_key] = x_in.T.dot(dz) + 2 * reg * self.params[w_key]
            grads[b_key] = dout.sum(axis=0)
            dout = dz.dot(self.params[w_key].T)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        opt = _SGD(learning_rate)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample], y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            opt.update(self.params, grads)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                for history, (Xs, ys) in zip((train_acc_history, val_acc_history),
                                             ((X_batch, y_batch), (X_val, y_val))):
                    history.append(np.mean(self.predict(Xs) == ys))
                opt.learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self._forward(X)[0], axis=1)
