"""A fully connected net with arbitrary hidden_dims, solver-style update rules looked up by name
(per-parameter config dicts), and activation functions looked up in a registry; used with
hidden_dims = [hidden_size]."""

import numpy as np


# ---- activations: name -> (forward returning (out, cache), backward(dout, cache)) ----

def relu_forward(z):
    return np.maximum(0, z), z


def relu_backward(dout, cache):
    return dout * (cache > 0)


def leaky_relu_forward(z, alpha=0.01):
    return np.where(z > 0, z, alpha * z), z


def leaky_relu_backward(dout, cache, alpha=0.01):
    return dout * np.where(cache > 0, 1.0, alpha)


def linear_forward(z):
    return z, None


def linear_backward(dout, cache):
    return dout


ACTIVATIONS = {
    'relu': (relu_forward, relu_backward),
    'leaky_relu': (leaky_relu_forward, leaky_relu_backward),
    'linear': (linear_forward, linear_backward),
}


# ---- loss and penalty ----

def softmax_loss(scores, y):
    """Mean softmax cross-entropy and d loss / d scores."""
    N = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    loss = -np.mean(log_probs[np.arange(N), y])
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1
    return loss, dscores / N


def l2_penalty(W, reg):
    """reg * sum(W ** 2) and its gradient."""
    return reg * np.sum(W * W), 2 * reg * W


# ---- update rules: (w, dw, config) -> (next_w, config) ----

def sgd(w, dw, config):
    w -= config['learning_rate'] * (dw + config.get('weight_decay', 0.0) * w)
    return w, config


def sgd_momentum(w, dw, config):
    v = config.get('velocity', np.zeros_like(w))
    v = config.get('momentum', 0.9) * v - config['learning_rate'] * dw
    w += v
    config['velocity'] = v
    return w, config


OPTIMIZERS = {'sgd': sgd, 'sgd_momentum': sgd_momentum}


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self._configure([hidden_size])
        dims = [input_size] + self.hidden_dims + [output_size]
        self.params = {}
        for i in range(self.num_layers):
            self.params['W%d' % (i + 1)] = std * np.random.randn(dims[i], dims[i + 1])
            self.params['b%d' % (i + 1)] = np.zeros(dims[i + 1])

    def _configure(self, hidden_dims):
        self.hidden_dims = list(hidden_dims)
        self.num_layers = len(self.hidden_dims) + 1
        self.activation = 'relu'
        self.update_rule = 'sgd'

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        net._configure([net.params['W1'].shape[1]])
        return net

    def _forward(self, X):
        caches = []
        out = X
        for i in range(self.num_layers):
            W, b = self.params['W%d' % (i + 1)], self.params['b%d' % (i + 1)]
            act = self.activation if i < self.num_layers - 1 else 'linear'
            x_in = out
            out, act_cache = ACTIVATIONS[act][0](x_in.dot(W) + b)
            caches.append((x_in, act, act_cache))
        return out, caches

    def _loss_terms(self, X, y, reg):
        """Data loss, regularisation loss and gradients, walking the layers backwards."""
        scores, caches = self._forward(X)
        data_loss, dout = softmax_loss(scores, y)
        reg_loss = 0.0
        grads = {}
        for i in reversed(range(self.num_layers)):
            x_in, act, act_cache = caches[i]
            W = self.params['W%d' % (i + 1)]
            penalty, dpenalty = l2_penalty(W, reg)
            reg_loss += penalty
            dz = ACTIVATIONS[act][1](dout, act_cache)
            grads['W%d' % (i + 1)] = x_in.T.dot(dz) + dpenalty
            grads['b%d' % (i + 1)] = dz.sum(axis=0)
            dout = dz.dot(W.T)
        return data_loss, reg_loss, grads

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return self._forward(X)[0]
        data_loss, reg_loss, grads = self._loss_terms(X, y, reg)
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        update = OPTIMIZERS[self.update_rule]
        configs = {name: {'learning_rate': learning_rate, 'weight_decay': reg} for name in self.params}
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]

            data_loss, reg_loss, grads = self._loss_terms(X_batch, y_batch, reg)
            loss = data_loss + reg_loss
            loss_history.append(loss)
            for name, w in self.params.items():
                self.params[name], configs[name] = update(w, grads[name], configs[name])

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                for config in configs.values():
                    config['learning_rate'] *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
