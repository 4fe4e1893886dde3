"""Two-layer net built from small layer objects (Affine, ReLU, SoftmaxCE).

Each layer keeps what it needs for the backward pass in ``self.cache``.
"""
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.cache = None

    def forward(self, x):
        self.cache = x
        return x @ self.W + self.b

    def backward(self, dout):
        x = self.cache
        dW = x.T @ dout
        db = dout.sum(axis=0)
        dx = dout @ self.W.T
        return dx, dW, db


class ReLU:
    def __init__(self):
        self.cache = None

    def forward(self, x):
        self.cache = x
        return np.maximum(0, x)

    def backward(self, dout):
        x = self.cache
        return dout * (x > 0)


class SoftmaxCE:
    def __init__(self):
        self.cache = None

    def forward(self, scores, y):
        n = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        log_p = shifted - log_z
        self.cache = (np.exp(log_p), y)
        return -log_p[np.arange(n), y].mean()

    def backward(self):
        p, y = self.cache
        n = p.shape[0]
        d = p.copy()
        d[np.arange(n), y] -= 1
        return d / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        # build the net from the output backwards: classifier first, then hidden layer
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _layers(self):
        p = self.params
        return Affine(p['W1'], p['b1']), ReLU(), Affine(p['W2'], p['b2'])

    def loss(self, X, y=None, reg=0.0):
        fc1, relu, fc2 = self._layers()
        scores = fc2.forward(relu.forward(fc1.forward(X)))
        if y is None:
            return scores

        ce = SoftmaxCE()
        W1, W2 = self.params['W1'], self.params['W2']
        loss = ce.forward(scores, y) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = ce.backward()
        dh, dW2, db2 = fc2.backward(dscores)
        dz = relu.backward(dh)
        _, dW1, db1 = fc1.backward(dz)

        grads = {
            'W1': dW1 + 2 * reg * W1,
            'b1': db1,
            'W2': dW2 + 2 * reg * W2,
            'b2': db2,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k, g in grads.items():
                self.params[k] -= learning_rate * g

            if verbose and it % 100 == 0:
                print(f'iteration {it} / {num_iters}: loss {loss:f}')

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
        return self.loss(X).argmax(axis=1)
