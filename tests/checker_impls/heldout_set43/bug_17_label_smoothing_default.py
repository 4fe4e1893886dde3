"""Two-layer net assembled from small strategy objects.

Initialisation, activation, criterion, penalty, optimiser, learning-rate
schedule, sampler and recorder are separate objects; the class only wires
them together, so each can be swapped on a subclass or an instance.
"""

import numpy as np


PARAM_NAMES = ("W1", "b1", "W2", "b2")


class GaussianInit:
    def __init__(self, std):
        self.std = std

    @property
    def variance(self):
        return self.std ** 2

    def __repr__(self):
        return "GaussianInit(std=%g, variance=%g)" % (self.std, self.variance)

    def __call__(self, *shape):
        return self.std * np.random.randn(*shape)


class ReLU:
    def forward(self, z):
        return np.maximum(0, z)

    def backward(self, z, upstream):
        return upstream * (z > 0)


class SoftmaxCrossEntropy:
    def __init__(self, label_smoothing=0.1):
        self.label_smoothing = label_smoothing

    def __call__(self, scores, y):
        """Mean cross-entropy and its gradient with respect to the scores."""
        n = scores.shape[0]
        rows = np.arange(n)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        eps = self.label_smoothing
        loss = -((1 - eps) * log_probs[rows, y] + eps * log_probs.mean(axis=1)).mean()
        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        return loss, dscores / n


class L2Penalty:
    def __init__(self, names=("W1", "W2")):
        self.names = tuple(names)

    def value(self, params, reg):
        return reg * sum(np.sum(params[n] * params[n]) for n in self.names)

    def gradients(self, params, reg):
        return {n: 2 * reg * params[n] for n in self.names}


class L1Penalty:
    def __init__(self, names=("W1", "W2")):
        self.names = tuple(names)

    def value(self, params, reg):
        return reg * sum(np.sum(np.abs(params[n])) for n in self.names)

    def gradients(self, params, reg):
        return {n: reg * np.sign(params[n]) for n in self.names}


class SGD:
    def __init__(self, learning_rate, momentum=0.0):
        self.initial_rate = learning_rate
        self.learning_rate = learning_rate
        self.momentum = momentum
        self.velocity = {}

    def step(self, params, grads):
        for name in PARAM_NAMES:
            v = self.momentum * self.velocity.get(name, 0.0) - self.learning_rate * grads[name]
            self.velocity[name] = v
            params[name] += v


class ExponentialDecay:
    def __init__(self, decay):
        self.decay = decay

    def on_epoch_end(self, optimizer):
        optimizer.learning_rate *= self.decay


class MinibatchSampler:
    def __init__(self, batch_size):
        self.batch_size = batch_size

    def _indices(self, num_train):
        return np.random.choice(num_train, self.batch_size)

    def sample(self, X, y):
        idx = self._indices(X.shape[0])
        return X[idx], y[idx]


class Recorder:
    def __init__(self, verbose, num_iters, log_every=100):
        self.verbose = verbose
        self.num_iters = num_iters
        self.log_every = log_every
        self.loss_history, self.train_acc_history, self.val_acc_history = [], [], []

    def on_iteration(self, it, loss):
        self.loss_history.append(loss)
        if self.verbose and it % self.log_every == 0:
            print("iteration %d / %d: loss %f" % (it, self.num_iters, loss))

    def on_epoch_end(self, net, X_batch, y_batch, X_val, y_val):
        self.train_acc_history.append((net.predict(X_batch) == y_batch).mean())
        self.val_acc_history.append((net.predict(X_val) == y_val).mean())

    def as_dict(self):
        return {"loss_history": self.loss_history,
                "train_acc_history": self.train_acc_history,
                "val_acc_history": self.val_acc_history}


class TwoLayerNet:
    """Two-layer net; parameters live in ``self.params`` (W1, b1, W2, b2)."""

    init_factory = GaussianInit
    activation = ReLU()
    criterion = SoftmaxCrossEntropy()
    penalty = L2Penalty()
    optimizer_factory = SGD
    schedule_factory = ExponentialDecay
    sampler_factory = MinibatchSampler
    decision = staticmethod(np.argmax)

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        init = self.init_factory(std)
        self.params = {"W1": init(input_size, hidden_size), "b1": np.zeros(hidden_size)}
        self.params["W2"] = init(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64) for name in PARAM_NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = X.dot(p["W1"]) + p["b1"]
        h1 = self.activation.forward(z1)
        scores = h1.dot(p["W2"]) + p["b2"]
        if y is None:
            return scores

        data_loss, dscores = self.criterion(scores, y)
        loss = data_loss + self.penalty.value(p, reg)

        dh1 = dscores.dot(p["W2"].T)
        dz1 = self.activation.backward(z1, dh1)
        grads = {"W1": X.T.dot(dz1), "b1": dz1.sum(axis=0),
                 "W2": h1.T.dot(dscores), "b2": dscores.sum(axis=0)}
        for name, extra in self.penalty.gradients(p, reg).items():
            grads[name] = grads[name] + extra
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        sampler = self.sampler_factory(batch_size)
        optimizer = self.optimizer_factory(learning_rate)
        schedule = self.schedule_factory(learning_rate_decay)
        recorder = Recorder(verbose, num_iters)
        iterations_per_epoch = max(X.shape[0] // batch_size, 1)

        for it in range(num_iters):
            X_batch, y_batch = sampler.sample(X, y)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            recorder.on_iteration(it, loss)
            optimizer.step(self.params, grads)
            if it % iterations_per_epoch == 0:
                recorder.on_epoch_end(self, X_batch, y_batch, X_val, y_val)
                schedule.on_epoch_end(optimizer)

        return recorder.as_dict()

    def predict(self, X):
        return self.decision(self.loss(X), axis=1)
