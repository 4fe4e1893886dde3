import numpy as np


class Parameter:
    """An array with its gradient and a per-parameter learning-rate multiplier."""

    def __init__(self, data, lr_mult=1.0):
        self.data = data
        self.grad = np.zeros_like(data)
        self.lr_mult = lr_mult


class Linear:
    def __init__(self, in_features, out_features, std=1e-2):
        self._set(std * np.random.randn(in_features, out_features), np.zeros(out_features))

    @classmethod
    def from_arrays(cls, W, b):
        layer = cls.__new__(cls)
        layer._set(W, b)
        return layer

    def _set(self, W, b):
        self.weight = Parameter(W)
        self.bias = Parameter(b)
        self.x = None

    def forward(self, x):
        self.x = x
        return x.dot(self.weight.data) + self.bias.data

    def backward(self, dout):
        self.weight.grad = self.x.T.dot(dout)
        self.bias.grad = dout.sum(axis=0)
        return dout.dot(self.weight.data.T)

    def parameters(self):
        return [self.weight, self.bias]


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class Sequential:
    def __init__(self, *layers):
        self.layers = list(layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, dout):
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        return dout

    def parameters(self):
        params = []
        for layer in self.layers:
            if hasattr(layer, "parameters"):
                params = layer.parameters()
        return params


def softmax(scores):
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


class CrossEntropyLoss:
    def forward(self, scores, y):
        shifted = scores - scores.max(axis=1, keepdims=True)
        self.log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.y = y
        return -self.log_probs[np.arange(len(y)), y].mean()

    def backward(self):
        n = len(self.y)
        d = np.exp(self.log_probs)
        d[np.arange(n), self.y] -= 1
        return d / n


class SGD:
    def __init__(self, parameters, lr):
        self.parameters = list(parameters)
        self.lr = lr

    def step(self):
        for p in self.parameters:
            p.data -= self.lr * p.lr_mult * p.grad


class ExponentialLR:
    """lr = base_lr * gamma ** (number of step() calls so far)."""

    def __init__(self, optimizer, gamma):
        self.optimizer = optimizer
        self.gamma = gamma
        self.base_lr = optimizer.lr
        self.last_epoch = 0

    def step(self):
        self.last_epoch += 1
        self.optimizer.lr = self.base_lr * self.gamma ** self.last_epoch


class BatchSampler:
    """Minibatch indices drawn with replacement from range(num_train)."""

    def __init__(self, num_train, batch_size):
        self.num_train = num_train
        self.batch_size = batch_size

    def next(self):
        return np.random.choice(self.num_train, self.batch_size)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.fc1 = Linear(input_size, hidden_size, std=std)
        self.fc2 = Linear(hidden_size, output_size, std=std)
        self._assemble()

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        p = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net.fc1 = Linear.from_arrays(p["W1"], p["b1"])
        net.fc2 = Linear.from_arrays(p["W2"], p["b2"])
        net._assemble()
        return net

    def _assemble(self):
        self.model = Sequential(self.fc1, ReLU(), self.fc2)
        self.criterion = CrossEntropyLoss()
        self.params = {"W1": self.fc1.weight.data, "b1": self.fc1.bias.data,
                       "W2": self.fc2.weight.data, "b2": self.fc2.bias.data}

    def loss(self, X, y=None, reg=0.0):
        scores = self.model.forward(X)
        if y is None:
            return scores

        W1, W2 = self.fc1.weight, self.fc2.weight
        loss = self.criterion.forward(scores, y) + reg * (np.sum(W1.data ** 2) + np.sum(W2.data ** 2))
        self.model.backward(self.criterion.backward())
        W1.grad += 2 * reg * W1.data
        W2.grad += 2 * reg * W2.data
        grads = {"W1": W1.grad, "b1": self.fc1.bias.grad, "W2": W2.grad, "b2": self.fc2.bias.grad}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        self.optimizer = SGD(self.model.parameters(), lr=learning_rate)
        scheduler = ExponentialLR(self.optimizer, gamma=learning_rate_decay)
        sampler = BatchSampler(num_train, batch_size)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            idx = sampler.next()
            X_batch, y_batch = X[idx], y[idx]

            loss, _ = self.loss(X_batch, y_batch, reg=reg)
            history["loss_history"].append(loss)
            self.optimizer.step()

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                scheduler.step()

        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
