import numpy as np


class TwoLayerNet(object):
    """Two-layer fully connected net split into small private steps.

    _forward -> _data_loss -> _reg_loss -> _backward, and _step for SGD.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    # ------------------------------------------------------------------ pieces
    def _forward(self, X):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        z1 = np.dot(X, W1) + b1
        h1 = np.maximum(z1, 0.0)
        scores = np.dot(h1, W2) + b2
        return scores, (X, z1, h1)

    @staticmethod
    def _data_loss(scores, y):
        N = scores.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        data_loss = -np.sum(log_probs[np.arange(N), y]) / N
        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        return data_loss, dscores

    def _reg_loss(self, reg):
        W1, W2 = self.params['W1'], self.params['W2']
        return reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

    def _backward(self, dscores, cache, reg):
        X, z1, h1 = cache
        W1, W2 = self.params['W1'], self.params['W2']
        dW2 = np.dot(h1.T, dscores) + 2 * reg * W2
        db2 = np.sum(dscores, axis=0)
        dh1 = np.dot(dscores, W2.T)
        dz1 = dh1 * (z1 > 0)
        dW1 = np.dot(X.T, dz1) + 2 * reg * W1
        db1 = np.sum(dz1, axis=0)
        return {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def _step(self, grads, learning_rate):
        for k in ('W1', 'b1', 'W2', 'b2'):
            self.params[k] -= learning_rate * grads[k]

    # ------------------------------------------------------------------ API
    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores
        data_loss, dscores = self._data_loss(scores, y)
        loss = data_loss + self._reg_loss(reg)
        grads = self._backward(dscores, cache, reg)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            self._step(grads, learning_rate)

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
        num_classes = self.params['W2'].shape[1]
        return np.argmax(scores.reshape(num_classes, -1), axis=0)
