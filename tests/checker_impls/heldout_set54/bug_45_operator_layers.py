"""Two-layer net assembled from small operator objects.

Each operator caches what its backward map needs; the backward map takes the
upstream gradient and returns the gradient with respect to its input (the
transposed Jacobian applied to a vector).  The loss is the negative mean
log-likelihood of a softmax model plus reg * (sum W1^2 + sum W2^2).
"""
import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, g):
        self.dW = self.x.T @ g
        self.db = g.sum(axis=0)
        return g @ self.W.T


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, g):
        return g * self.mask


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _layers(self):
        p = self.params
        return [Affine(p["W1"], p["b1"]), ReLU(), Affine(p["W2"], p["b2"])]

    def _forward(self, X):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        return layers, out

    def loss(self, X, y=None, reg=0.0):
        layers, S = self._forward(X)
        if y is None:
            return S

        N = S.shape[0]
        shift = S - S.max(axis=1, keepdims=True)
        log_q = shift - np.log(np.exp(shift).sum(axis=1, keepdims=True))
        nll = -log_q[np.arange(N), y].mean()
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = nll + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        g = np.exp(log_q)
        g[np.arange(N), y] -= 1.0
        g /= N
        for layer in reversed(layers):
            g = layer.backward(g)
        first, _, second = layers
        grads = {
            "W1": first.dW + 2 * reg * W1,
            "b1": first.db,
            "W2": second.dW + 2 * reg * W2,
            "b2": second.db,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        epoch = 0
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            j = it % iters_per_epoch
            if j == 0:
                order = np.random.permutation(num_train)   # one sweep = one pass over a shuffle
            idx = order[j * batch_size:(j + 1) * batch_size]
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= lr * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iters_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                epoch += 1
                lr *= learning_rate_decay

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        _, S = self._forward(X)
        return np.argmax(S, axis=1)
