"""A general multi-layer perceptron described by a list of layer sizes, used as the notebook's two-layer net."""

import numpy as np


class TwoLayerNet:
    """An MLP (affine - ReLU - ... - affine - softmax) built from ``self.layer_sizes``.

    Layer i (1-based) keeps its parameters in ``self.params`` under 'W<i>' and 'b<i>';
    with the sizes [D, H, C] these are exactly W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.layer_sizes = [input_size, hidden_size, output_size]
        self.num_layers = len(self.layer_sizes) - 1
        self.params = {}
        for i in range(self.num_layers):
            fan_in, fan_out = self.layer_sizes[i], self.layer_sizes[i + 1]
            self.params['W%d' % (i + 1)] = std * np.random.randn(fan_in, fan_out)
            self.params['b%d' % (i + 1)] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        net.layer_sizes = [net.params['W1'].shape[0], net.params['W1'].shape[1], net.params['W2'].shape[1]]
        net.num_layers = len(net.layer_sizes) - 1
        return net

    def _forward(self, X):
        """The scores and, per layer, a cache (layer input, pre-activation)."""
        caches = []
        out = X
        for i in range(self.num_layers):
            W = self.params['W%d' % (i + 1)]
            b = self.params['b%d' % (i + 1)]
            z = out.dot(W) + b
            caches.append((out, z))
            if i < self.num_layers - 1:
                out = np.maximum(0, z)
            else:
                out = z
        return out, caches

    def loss(self, X, y=None, reg=0.0):
        scores, caches = self._forward(X)
        if y is None:
            return scores
        N = X.shape[0]

        # Softmax cross-entropy on the last layer's output.
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        exp_shifted = np.exp(shifted)
        sum_exp = np.sum(exp_shifted, axis=1, keepdims=True)
        probs = exp_shifted / sum_exp
        log_probs = shifted - np.log(sum_exp)
        data_loss = -np.sum(log_probs[np.arange(N), y]) / N

        # L2 penalty, summed over the layers' weights.
        reg_loss = 0.0
        for i in range(self.num_layers):
            W = self.params['W%d' % (i + 1)]
            reg_loss = reg * np.sum(W * W)
        loss = data_loss + reg_loss

        # Backward pass, last layer first.
        grads = {}
        dout = probs.copy()
        dout[np.arange(N), y] -= 1
        dout /= N
        for i in reversed(range(self.num_layers)):
            layer_input, z = caches[i]
            if i < self.num_layers - 1:
                dout = dout * (z > 0)
            W = self.params['W%d' % (i + 1)]
            grads['W%d' % (i + 1)] = layer_input.T.dot(dout) + 2 * reg * W
            grads['b%d' % (i + 1)] = np.sum(dout, axis=0)
            dout = dout.dot(W.T)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch_indices = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch_indices], y[batch_indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for i in range(self.num_layers):
                for name in ('W%d' % (i + 1), 'b%d' % (i + 1)):
                    self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
