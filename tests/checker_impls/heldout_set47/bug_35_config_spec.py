"""An MLP built from a per-layer spec (sizes, activation and initialiser names resolved through
small registries) with epoch hooks in the training loop; the spec here has two layers."""

import numpy as np


INITIALIZERS = {
    'gaussian': lambda shape, std: std * np.random.randn(*shape),
    'zeros': lambda shape, std: np.zeros(shape),
}


def _relu(z):
    return np.maximum(0, z)


def _relu_deriv(z):
    return (z > 0).astype(z.dtype)


def _linear(z):
    return z


def _linear_deriv(z):
    return np.ones_like(z)


ACTIVATIONS = {'relu': _relu, 'linear': _linear}
DERIVATIVES = {'relu': _relu_deriv, 'linear': _linear_deriv}


def _softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


OUTPUTS = {'softmax': _softmax}


def cross_entropy(scores, y):
    """Mean softmax cross-entropy and its gradient with respect to the scores."""
    N = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    exp_scores = np.exp(shifted)
    log_norm = np.log(np.sum(exp_scores, axis=1, keepdims=True))
    log_probs = shifted - log_norm
    loss = -np.mean(log_probs[np.arange(N), y])
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1
    return loss, dscores / N


LOSSES = {'cross_entropy': cross_entropy}


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self._configure([input_size, hidden_size, output_size])
        self.params = {}
        for n, layer in enumerate(self.spec, 1):
            self.params['W%d' % n] = INITIALIZERS[layer['weight_init']]((layer['fan_in'], layer['fan_out']), std)
            self.params['b%d' % n] = INITIALIZERS[layer['bias_init']]((layer['fan_out'],), std)

    def _configure(self, sizes):
        self.spec = [
            {'fan_in': a, 'fan_out': b, 'activation': 'relu', 'weight_init': 'gaussian', 'bias_init': 'zeros'}
            for a, b in zip(sizes[:-1], sizes[1:])
        ]
        self.spec[-1]['activation'] = 'linear'
        self.loss_name = 'cross_entropy'
        self.output_name = 'softmax'
        self.lr_mult = {'W': 1.0, 'b': 2.0}

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        D, H = net.params['W1'].shape
        net._configure([D, H, net.params['W2'].shape[1]])
        return net

    def _forward(self, X):
        caches = []
        a = X
        for n, layer in enumerate(self.spec, 1):
            z = a.dot(self.params['W%d' % n]) + self.params['b%d' % n]
            a = ACTIVATIONS[layer['activation']](z)
            caches.append({'z': z, 'a': a})
        return a, caches

    def loss(self, X, y=None, reg=0.0):
        scores, caches = self._forward(X)
        if y is None:
            return scores

        data_loss, dout = LOSSES[self.loss_name](scores, y)
        weight_names = ['W%d' % n for n in range(1, len(self.spec) + 1)]
        loss = data_loss + reg * sum(np.sum(self.params[w] ** 2) for w in weight_names)

        grads = {}
        for n in range(len(self.spec), 0, -1):
            layer, cache = self.spec[n - 1], caches[n - 1]
            dz = dout * DERIVATIVES[layer['activation']](cache['z'])
            layer_input = caches[n - 2]['a'] if n > 1 else X
            grads['W%d' % n] = layer_input.T.dot(dz) + 2 * reg * self.params['W%d' % n]
            grads['b%d' % n] = dz.sum(axis=0)
            dout = dz.dot(self.params['W%d' % n].T)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        hp = {'learning_rate': learning_rate, 'reg': reg}
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        def record_accuracy(X_batch, y_batch):
            for key, (Xs, ys) in zip(('train_acc_history', 'val_acc_history'),
                                     ((X_batch, y_batch), (X_val, y_val))):
                stats[key].append(np.mean(self.predict(Xs) == ys))

        def decay_learning_rate(X_batch, y_batch):
            hp['learning_rate'] *= learning_rate_decay

        epoch_hooks = [record_accuracy, decay_learning_rate]

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = (a[idx] for a in (X, y))

            loss, grads = self.loss(X_batch, y=y_batch, reg=hp['reg'])
            stats['loss_history'].append(loss)
            for name in self.params:
                self.params[name] -= self.lr_mult[name[0]] * hp['learning_rate'] * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                for hook in epoch_hooks:
                    hook(X_batch, y_batch)

        return stats

    def predict_proba(self, X):
        scores, _ = self._forward(X)
        return OUTPUTS[self.output_name](scores)

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
