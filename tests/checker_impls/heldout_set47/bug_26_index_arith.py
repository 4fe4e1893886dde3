"""An L-layer ReLU network written with index arithmetic over range(num_layers); here L = 2."""

import numpy as np


def relu(z):
    return np.maximum(0, z)


class TwoLayerNet:
    """Layer l = 0 .. L-1 has weights self.params['W' + str(l + 1)] and biases self.params['b' + str(l + 1)]."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        dims = [input_size, hidden_size, output_size]
        self.num_layers = len(dims) - 1
        self.params = {}
        for l in range(self.num_layers):
            self.params['W' + str(l + 1)] = std * np.random.randn(dims[l], dims[l + 1])
            self.params['b' + str(l + 1)] = np.zeros(dims[l + 1])

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        net.num_layers = 2
        return net

    def _W(self, l):
        return self.params['W' + str(l + 1)]

    def _b(self, l):
        return self.params['b' + str(l + 1)]

    def _forward(self, X):
        """acts[l] is the input of layer l (acts[0] = X, acts[L] = scores); pre[l] is layer l's affine output."""
        L = self.num_layers
        acts = [X] + [None] * L
        pre = [None] * L
        for l in range(L):
            layer_in = acts[l]
            pre[l] = layer_in.dot(self._W(l)) + self._b(l)
            acts[l + 1] = relu(pre[l]) if l < L - 1 else pre[l]
        return acts, pre

    def loss(self, X, y=None, reg=0.0):
        L = self.num_layers
        acts, pre = self._forward(X)
        scores = acts[L]
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean()
        for l in range(L):
            loss += reg * np.sum(self._W(l) ** 2)

        grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        delta = np.exp(log_probs)
        delta[np.arange(N), y] -= 1
        delta /= N
        for l in range(L - 1, -1, -1):
            grads['W' + str(l + 1)] = acts[l].T.dot(delta) + 2 * reg * self._W(l)
            grads['b' + str(l + 1)] = delta.sum(axis=0)
            if l > 0:
                delta = delta.dot(self._W(l).T) * (acts[l] >= 0)
        return loss, grads

    @staticmethod
    def _sample_batch(X, y, batch_size):
        idx = np.random.choice(X.shape[0], batch_size)
        return X[idx], y[idx]

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        L = self.num_layers
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            X_batch, y_batch = self._sample_batch(X, y, batch_size)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for l in range(L):
                for p in ('W', 'b'):
                    key = p + str(l + 1)
                    self.params[key] -= lr * grads[key]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        acts, _ = self._forward(X)
        return np.argmax(acts[self.num_layers], axis=1)
