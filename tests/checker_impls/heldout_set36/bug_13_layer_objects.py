import numpy as np


class Affine:
    """Fully connected layer, out = x @ W + b.

    The layer keeps references to the weight and bias arrays it is given, so the
    net's params dict and the layer always look at the same arrays.
    """

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None
        self.dW = None
        self.db = None

    def forward(self, x):
        self.x = x
        return x.dot(self.W) + self.b

    def backward(self, dout):
        self.dW = self.x.T.dot(dout)
        self.db = dout.sum(axis=0)
        return dout.dot(self.W.T)


class ReLU:
    """Rectifier; a positive negative_slope turns it into a leaky ReLU."""

    def __init__(self, negative_slope=0.0):
        self.negative_slope = negative_slope
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, self.negative_slope * x)

    def backward(self, dout):
        return np.where(self.mask, dout, self.negative_slope * dout)


class SoftmaxCrossEntropy:
    """Softmax followed by cross-entropy, reduced over the batch by 'sum' or 'mean'."""

    def __init__(self, reduction="sum"):
        self.reduction = reduction
        self.probs = None
        self.y = None

    def forward(self, scores, y):
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.probs = np.exp(log_probs)
        self.y = y
        picked = -log_probs[np.arange(scores.shape[0]), y]
        if self.reduction == "mean":
            return picked.mean()
        return picked.sum()

    def backward(self):
        n = self.probs.shape[0]
        d = self.probs.copy()
        d[np.arange(n), self.y] -= 1
        if self.reduction == "mean":
            d /= n
        return d


class L2Penalty:
    """reg * sum of squares of the named params (every param when keys is None)."""

    def __init__(self, keys=None):
        self.keys = keys

    def _names(self, params):
        return list(params) if self.keys is None else list(self.keys)

    def value(self, params, reg):
        return reg * sum(np.sum(params[k] * params[k]) for k in self._names(params))

    def grads(self, params, reg):
        return {k: 2 * reg * params[k] for k in self._names(params)}


class SGD:
    """Vanilla SGD over a dict of arrays, updated in place."""

    def __init__(self, params, lr):
        self.params = params
        self.lr = lr

    def step(self, grads):
        for name, p in self.params.items():
            p -= self.lr * grads[name]


class StepDecay:
    """Multiplies the optimizer's rate by gamma each time step() is called."""

    def __init__(self, optimizer, gamma):
        self.optimizer = optimizer
        self.gamma = gamma
        self.lr = optimizer.lr

    def step(self):
        self.lr *= self.gamma


class History:
    """Collects what train returns."""

    def __init__(self):
        self.loss_history = []
        self.train_acc_history = []
        self.val_acc_history = []

    def on_batch_end(self, loss):
        self.loss_history.append(loss)

    def on_epoch_end(self, train_acc, val_acc):
        self.train_acc_history.append(train_acc)
        self.val_acc_history.append(val_acc)

    def as_dict(self):
        return {
            "loss_history": self.loss_history,
            "train_acc_history": self.train_acc_history,
            "val_acc_history": self.val_acc_history,
        }


class TwoLayerNet:
    """input - Affine - ReLU - Affine - softmax, assembled from small layer objects."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self._build_layers()

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net._build_layers()
        return net

    def _build_layers(self):
        p = self.params
        self.fc1 = Affine(p["W1"], p["b1"])
        self.relu = ReLU()
        self.fc2 = Affine(p["W2"], p["b2"])
        self.layers = [self.fc1, self.relu, self.fc2]
        self.criterion = SoftmaxCrossEntropy(reduction="mean")
        self.penalty = L2Penalty(keys=("W1", "W2"))

    def forward(self, X):
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        return out

    def backward(self, dout):
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

    def loss(self, X, y=None, reg=0.0):
        scores = self.forward(X)
        if y is None:
            return scores

        loss = self.criterion.forward(scores, y) + self.penalty.value(self.params, reg)
        self.backward(self.criterion.backward())
        grads = {"W1": self.fc1.dW, "b1": self.fc1.db, "W2": self.fc2.dW, "b2": self.fc2.db}
        for name, g in self.penalty.grads(self.params, reg).items():
            grads[name] = grads[name] + g
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        optimizer = SGD(self.params, learning_rate)
        scheduler = StepDecay(optimizer, learning_rate_decay)
        history = History()

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history.on_batch_end(loss)
            optimizer.step(grads)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history.on_epoch_end(self._accuracy(X_batch, y_batch), self._accuracy(X_val, y_val))
                scheduler.step()

        return history.as_dict()

    def _accuracy(self, X, y):
        return (self.predict(X) == y).mean()

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
