"""Two-layer net assembled from callable layer objects.

Every layer is an object with ``__call__`` (forward) and ``backward``; the net
itself is callable too, and the loss simply runs the layers forwards and then
backwards in reverse order.
"""
import numpy as np


def gaussian(fan_in, fan_out, std):
    return std * np.random.randn(fan_in, fan_out)


class Affine:
    """``x @ W + b``, reading W and b by name from the owner's params on every call."""

    def __init__(self, owner, weight, bias):
        self.owner, self.weight, self.bias = owner, weight, bias

    def __call__(self, x):
        self.x = x
        params = self.owner.params
        return x @ params[self.weight] + params[self.bias]

    def backward(self, dout):
        W = self.owner.params[self.weight]
        grads = {self.weight: self.x.T @ dout, self.bias: dout.sum(axis=0)}
        return dout @ W.T, grads


class ReLU:
    def __init__(self, negative_slope=0.0):
        self.negative_slope = negative_slope

    def __call__(self, x):
        self.positive = x > 0
        return np.where(self.positive, x, self.negative_slope * x)

    def backward(self, dout):
        return dout * np.where(self.positive, 1.0, self.negative_slope), {}


class SoftmaxCrossEntropy:
    def __call__(self, scores, y):
        n = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.probs, self.y = np.exp(log_probs), y
        return -log_probs[np.arange(n), y].mean()

    def backward(self):
        n = self.probs.shape[0]
        dscores = self.probs.copy()
        dscores[np.arange(n), self.y] -= 1.0
        return dscores / n


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> softmax, parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = gaussian(input_size, hidden_size, std)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = gaussian(hidden_size, output_size, std)
        self.params["b2"] = np.zeros(output_size)
        self._build()

    def _build(self):
        self.layers = [Affine(self, "W1", "b1"), ReLU(), Affine(self, "W2", "b2")]
        self.criterion = SoftmaxCrossEntropy()

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net._build()
        return net

    def __call__(self, X):
        out = X
        for layer in self.layers:
            out = layer(out)
        return out

    def loss(self, X, y=None, reg=0.0):
        scores = self(X)
        if y is None:
            return scores

        weights = [self.params[name] for name in ("W1", "W2")]
        loss = self.criterion(scores, y) + reg * sum(np.sum(W) ** 2 for W in weights)

        grads = {}
        dout = self.criterion.backward()
        for layer in reversed(self.layers):
            dout, layer_grads = layer.backward(dout)
            grads.update(layer_grads)
        for name in ("W1", "W2"):
            grads[name] += 2 * reg * self.params[name]
        return loss, {name: grads[name] for name in ("W1", "b1", "W2", "b2")}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        accuracy = lambda Xs, ys: (self.predict(Xs) == ys).mean()

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(X_batch, y_batch))
                val_acc_history.append(accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay

        return dict(loss_history=loss_history, train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        return np.argmax(self(X), axis=1)
