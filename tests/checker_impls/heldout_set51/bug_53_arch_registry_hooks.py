"""Two-layer net described by an architecture table and a registry of layer functions,
trained by a tiny callback-driven loop (``on_step_end`` hooks, a ``stop`` flag).

Every layer type is a (forward, backward) pair in ``LAYERS``; ``ARCH`` lists the layers
and the parameter names they use.
"""

import numpy as np


def _affine_fwd(x, w, b):
    return x @ w + b, (x, w)


def _affine_bwd(dout, cache):
    x, w = cache
    return dout @ w.T, {'w': x.T @ dout, 'b': np.sum(dout, axis=0)}


def _relu_fwd(x):
    return np.maximum(0, x), x


def _relu_bwd(dout, cache):
    return dout * (cache > 0), {}


LAYERS = {'affine': (_affine_fwd, _affine_bwd), 'relu': (_relu_fwd, _relu_bwd)}
ARCH = [('affine', 'W1', 'b1'), ('relu',), ('affine', 'W2', 'b2')]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {'W1': (input_size, hidden_size), 'b1': hidden_size,
                  'W2': (hidden_size, output_size), 'b2': output_size}
        self.params = {}
        for name in ('W1', 'b1', 'W2', 'b2'):
            if name.startswith('W'):
                self.params[name] = std * np.random.randn(*shapes[name])
            else:
                self.params[name] = np.zeros(shapes[name])

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _forward(self, X):
        caches = []
        out = X
        for spec in ARCH:
            fwd = LAYERS[spec[0]][0]
            args = [self.params[k] for k in spec[1:]]
            out, cache = fwd(out, *args)
            caches.append(cache)
        return out, caches

    def loss(self, X, y=None, reg=0.0):
        scores, caches = self._forward(X)
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        loss = -np.sum(log_probs[np.arange(N), y]) / N
        loss += reg * np.sum(self.params['W1'] ** 2)
        loss += reg * np.sum(self.params['W2'] ** 2)

        dout = np.exp(log_probs)
        dout[np.arange(N), y] -= 1
        dout /= N
        grads = {}
        for spec, cache in zip(reversed(ARCH), reversed(caches)):
            dout, local = LAYERS[spec[0]][1](dout, cache)
            if local:
                grads[spec[1]] = local['w'] + 2 * reg * self.params[spec[1]]
                grads[spec[2]] = local['b']
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        iters_per_epoch = max(N // batch_size, 1)
        logs = dict.fromkeys(('loss_history', 'train_acc_history', 'val_acc_history'), [])
        ctx = {'lr': learning_rate, 'step': 0, 'stop': False}

        def log_loss(ctx, xb, yb, loss):
            logs['loss_history'].append(loss)
            if verbose and ctx['step'] % 100 == 0:
                print('iteration %d / %d: loss %f' % (ctx['step'], num_iters, loss))

        def epoch_metrics(ctx, xb, yb, loss):
            if ctx['step'] % iters_per_epoch == 0:
                logs['train_acc_history'].append((self.predict(xb) == yb).mean())
                logs['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                ctx['lr'] *= learning_rate_decay

        def stop_at_budget(ctx, xb, yb, loss):
            ctx['step'] += 1
            ctx['stop'] = ctx['step'] >= num_iters

        on_step_end = [log_loss, epoch_metrics, stop_at_budget]

        while num_iters > 0 and not ctx['stop']:
            batch = np.random.choice(N, batch_size)
            xb, yb = X[batch], y[batch]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            for k in self.params:
                self.params[k] -= ctx['lr'] * grads[k]
            for hook in on_step_end:
                hook(ctx, xb, yb, loss)
        return logs

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
