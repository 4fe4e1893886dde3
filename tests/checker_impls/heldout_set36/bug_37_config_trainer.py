import numpy as np


class Config:
    """Attribute bag for the training hyperparameters: Config(learning_rate=1e-3, ...)."""

    def __init__(self, **entries):
        self.__dict__.update(entries)

    def __repr__(self):
        items = ", ".join("%s=%r" % kv for kv in sorted(self.__dict__.items()))
        return "Config(%s)" % items


def init_affine(fan_in, fan_out, std):
    """Weights from std * randn, zero bias."""
    W = std * np.random.randn(fan_in, fan_out)
    b = np.zeros(fan_out)
    return W, b


class Dense:
    """Affine layer that reads its arrays from a shared params dict by key."""

    def __init__(self, params, w_key, b_key):
        self.params = params
        self.w_key = w_key
        self.b_key = b_key
        self.cache = None

    def forward(self, x):
        self.cache = x
        return x.dot(self.params[self.w_key]) + self.params[self.b_key]

    def backward(self, dout):
        """Gradient w.r.t. the input; the model reads the param grads off the caches."""
        return dout.dot(self.params[self.w_key].T)


class Rectifier:
    def __init__(self):
        self.cache = None

    def forward(self, x):
        self.cache = x > 0
        return x * self.cache

    def backward(self, dout):
        return dout * self.cache


def softmax_cross_entropy(scores, y):
    N, C = scores.shape
    onehot = np.eye(C)[y]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -(onehot * log_probs).sum() / N
    dscores = (np.exp(log_probs) - onehot) / N
    return loss, dscores


class L2:
    """L2 weight penalty strength * sum(W**2)."""

    def __init__(self, strength=5e-6):
        self.strength = strength

    def loss(self, params, keys):
        return self.strength * sum(np.sum(params[k] ** 2) for k in keys)

    def grad(self, W):
        return 2 * self.strength * W


class SGD:
    """Vanilla SGD over a params dict; bind() points it at the latest grads."""

    def __init__(self, params, lr=1e-2):
        self.params = params
        self.lr = lr
        self.grads = None

    def bind(self, grads):
        self.grads = grads

    def step(self):
        for k, p in self.params.items():
            p -= self.lr * self.grads[k]


class StepDecay:
    """Multiplies the optimizer's rate by decay on every `every`-th call, the first call included."""

    def __init__(self, optimizer, decay, every):
        self.optimizer = optimizer
        self.decay = decay
        self.every = every
        self.t = 0

    def step(self):
        if self.t % self.every == 0:
            self.optimizer.lr *= self.decay
        self.t += 1


class MiniBatches:
    """Draws minibatch indices with replacement."""

    def __init__(self, num_train, batch_size):
        self.num_train = num_train
        self.batch_size = batch_size

    def draw(self):
        return np.random.choice(self.num_train, self.batch_size)


class Recorder:
    def __init__(self):
        self.history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

    def on_batch_end(self, loss):
        self.history["loss_history"].append(loss)

    def on_epoch_end(self, train_acc, val_acc):
        self.history["train_acc_history"].append(train_acc)
        self.history["val_acc_history"].append(val_acc)


class Trainer:
    def __init__(self, net, config):
        self.net = net
        self.config = config
        self.optimizer = SGD(net.params, lr=config.learning_rate)
        self.scheduler = StepDecay(self.optimizer, config.learning_rate_decay,
                                   config.iterations_per_epoch)
        self.recorder = Recorder()

    def accuracy(self, X, y):
        return (self.net.predict(X) == y).mean()

    def fit(self, X, y, X_val, y_val):
        cfg = self.config
        batches = MiniBatches(X.shape[0], cfg.batch_size)
        for it in range(cfg.num_iters):
            idx = batches.draw()
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.net.loss(X_batch, y=y_batch, reg=cfg.reg)
            self.recorder.on_batch_end(loss)
            if self.optimizer.grads is None:
                self.optimizer.bind(grads)
            self.optimizer.step()

            if cfg.verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, cfg.num_iters, loss))
            if it % cfg.iterations_per_epoch == 0:
                self.recorder.on_epoch_end(self.accuracy(X_batch, y_batch), self.accuracy(X_val, y_val))
            self.scheduler.step()
        return self.recorder.history


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1, b1 = init_affine(input_size, hidden_size, std)
        W2, b2 = init_affine(hidden_size, output_size, std)
        self.params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
        self._wire()

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net._wire()
        return net

    def _wire(self):
        self.hidden = Dense(self.params, "W1", "b1")
        self.act = Rectifier()
        self.output = Dense(self.params, "W2", "b2")

    def loss(self, X, y=None, reg=0.0):
        h = self.hidden.forward(X)
        a = self.act.forward(h)
        scores = self.output.forward(a)
        if y is None:
            return scores

        penalty = L2(strength=reg)
        data_loss, dscores = softmax_cross_entropy(scores, y)
        loss = data_loss + penalty.loss(self.params, ("W1", "W2"))

        grads = {}
        grads["W2"] = self.output.cache.T.dot(dscores) + penalty.grad(self.params["W2"])
        grads["b2"] = dscores.sum(axis=0)
        da = self.output.backward(dscores)
        dh = self.act.backward(da)
        grads["W1"] = self.hidden.cache.T.dot(dh) + penalty.grad(self.params["W1"])
        grads["b1"] = dh.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        config = Config(learning_rate=learning_rate, learning_rate_decay=learning_rate_decay,
                        reg=reg, num_iters=num_iters, batch_size=batch_size, verbose=verbose,
                        iterations_per_epoch=max(X.shape[0] // batch_size, 1))
        return Trainer(self, config).fit(X, y, X_val, y_val)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
