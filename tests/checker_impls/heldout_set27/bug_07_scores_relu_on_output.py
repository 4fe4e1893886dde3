import numpy as np


class TwoLayerNet(object):
    """Fully connected net written as a loop over its layers.

    Every layer is "affine followed by ReLU"; the softmax sits on top.
    """

    num_layers = 2

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        caches = []
        out = X
        for i in range(1, self.num_layers + 1):
            W, b = self.params['W%d' % i], self.params['b%d' % i]
            z = out.dot(W) + b
            caches.append((out, z))
            out = np.maximum(0, z)
        return out, caches

    def loss(self, X, y=None, reg=0.0):
        scores, caches = self._forward(X)
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        probs = np.exp(shifted)
        probs /= np.sum(probs, axis=1, keepdims=True)
        loss = -np.sum(np.log(probs[np.arange(N), y])) / N
        for i in range(1, self.num_layers + 1):
            W = self.params['W%d' % i]
            loss += reg * np.sum(W * W)

        grads = {}
        dout = probs.copy()
        dout[np.arange(N), y] -= 1
        dout /= N
        for i in range(self.num_layers, 0, -1):
            inp, z = caches[i - 1]
            W = self.params['W%d' % i]
            dz = dout * (z > 0)
            grads['W%d' % i] = inp.T.dot(dz) + 2 * reg * W
            grads['b%d' % i] = np.sum(dz, axis=0)
            dout = dz.dot(W.T)
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

            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
