"""Two-layer net organised with context managers and string-keyed registries.

The numerics run inside an ``np.errstate`` context, gradients pass through a
scoped buffer, and a training run is itself a context manager that owns the
step size and the histories.
"""

import contextlib

import numpy as np


PARAM_NAMES = ("W1", "b1", "W2", "b2")
DEFAULT_LEARNING_RATE = 1e-3

ACTIVATIONS = {
    "relu": lambda z: np.maximum(0, z),
    "identity": lambda z: z,
}


@contextlib.contextmanager
def quiet_numerics():
    """Silence harmless floating-point underflow warnings inside the block."""
    with np.errstate(under="ignore"):
        yield


@contextlib.contextmanager
def gradient_buffer():
    """A scratch dict for gradients, emptied when the block ends."""
    buffer = {}
    try:
        yield buffer
    finally:
        buffer.clear()


class TrainingRun(contextlib.AbstractContextManager):
    """Owns the current step size and the three histories of one ``train`` call."""

    def __init__(self, learning_rate, decay, num_iters, verbose):
        self.rate = learning_rate
        self.decay = decay
        self.num_iters = num_iters
        self.verbose = verbose
        self.losses, self.train_accs, self.val_accs = [], [], []

    def __exit__(self, exc_type, exc, tb):
        return False

    def log(self, it, loss):
        self.losses.append(loss)
        if self.verbose and it % 100 == 0:
            print("iteration %d / %d: loss %f" % (it, self.num_iters, loss))

    def record(self, net, batch, validation):
        for history, (inputs, labels) in ((self.train_accs, batch), (self.val_accs, validation)):
            history.append(np.mean(net.predict(inputs) == labels))

    def end_epoch(self, net, batch, validation):
        self.record(net, batch, validation)
        self.rate *= self.decay

    @property
    def stats(self):
        return {"loss_history": self.losses,
                "train_acc_history": self.train_accs,
                "val_acc_history": self.val_accs}


class TwoLayerNet:
    """Two-layer net; parameters live in ``self.params`` (W1, b1, W2, b2)."""

    ACTIVATION = "relu"

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {"W1": (input_size, hidden_size), "b1": (hidden_size,),
                  "W2": (hidden_size, output_size), "b2": (output_size,)}
        self.params = {
            name: std * np.random.randn(*shape) if name.startswith("W") else np.zeros(shape)
            for name, shape in shapes.items()
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64) for name in PARAM_NAMES}
        return net

    @property
    def activation(self):
        return ACTIVATIONS.get(self.ACTIVATION, ACTIVATIONS["identity"])

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[name] for name in PARAM_NAMES)
        with quiet_numerics():
            z1 = X.dot(W1) + b1
            h1 = self.activation(z1)
            scores = h1.dot(W2) + b2
            if y is None:
                return scores

            n = X.shape[0]
            rows = np.arange(n)
            shifted = scores - scores.max(axis=1, keepdims=True)
            log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
            data_loss = -log_probs[rows, y].mean()
            reg_loss = reg * sum(np.linalg.norm(W) for W in (W1, W2))

            dscores = np.exp(log_probs)
            dscores[rows, y] -= 1
            dscores /= n
            dh1 = dscores.dot(W2.T)
            dz1 = dh1 * (z1 > 0)
            grads = {
                "W1": X.T.dot(dz1) + 2 * reg * W1,
                "b1": dz1.sum(axis=0),
                "W2": h1.T.dot(dscores) + 2 * reg * W2,
                "b2": dscores.sum(axis=0),
            }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        hyper = {"learning_rate": learning_rate, "learning_rate_decay": learning_rate_decay,
                 "reg": reg, "batch_size": batch_size}
        num_train = X.shape[0]
        sample_size = hyper["batch_size"]
        iterations_per_epoch = max(num_train // hyper["batch_size"], 1)

        with TrainingRun(hyper.get("learning_rate", DEFAULT_LEARNING_RATE),
                         hyper["learning_rate_decay"], num_iters, verbose) as run:
            for it in range(num_iters):
                idx = np.random.choice(num_train, sample_size)
                batch = X[idx], y[idx]
                loss, grads = self.loss(*batch, reg=hyper["reg"])
                run.log(it, loss)
                with gradient_buffer() as buffer:
                    for name in PARAM_NAMES:
                        buffer[name] = buffer.get(name, 0.0) + grads[name]
                    for name in PARAM_NAMES:
                        self.params[name] -= run.rate * buffer[name]
                if it % iterations_per_epoch == 0:
                    run.end_epoch(self, batch, (X_val, y_val))

        return run.stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
