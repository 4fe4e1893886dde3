import numpy as np


class Dense:
    """Fully connected layer that remembers its input for the backward pass."""

    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, dout):
        return dout * self.mask


class SoftmaxCrossEntropy:
    """Mean cross-entropy of the softmax of the scores."""

    def forward(self, scores, y):
        N = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        self.probs = exp / exp.sum(axis=1, keepdims=True)
        self.y = y
        return -np.log(self.probs[np.arange(N), y]).mean()

    def backward(self):
        N = self.probs.shape[0]
        d = self.probs.copy()
        d[np.arange(N), self.y] -= 1
        return d / N


class TwoLayerNet:
    """input - Dense - ReLU - Dense - softmax, assembled from tiny layer objects."""

    # curves kept on the net so they can be plotted after training
    loss_history = []
    train_acc_history = []
    val_acc_history = []

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
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

    def _layers(self):
        p = self.params
        return [Dense(p['W1'], p['b1']), ReLU(), Dense(p['W2'], p['b2'])]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        scores = out
        if y is None:
            return scores

        criterion = SoftmaxCrossEntropy()
        data_loss = criterion.forward(scores, y)
        W1, W2 = self.params['W1'], self.params['W2']
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dout = criterion.backward()
        for layer in reversed(layers):
            dout = layer.backward(dout)

        first, last = layers[0], layers[2]
        grads = {
            'W1': first.dW + 2 * reg * W1,
            'b1': first.db,
            'W2': last.dW + 2 * reg * W2,
            'b2': last.db,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = self.loss_history
        train_acc_history = self.train_acc_history
        val_acc_history = self.val_acc_history

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name, param in self.params.items():
                param -= learning_rate * grads[name]

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
        return self.loss(X).argmax(axis=1)
