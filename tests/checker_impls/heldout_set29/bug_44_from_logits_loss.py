import numpy as np


def log_softmax(logits):
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def cross_entropy(logits, target):
    """Like torch's F.cross_entropy: raw logits in, integer class targets, mean reduction."""
    logp = log_softmax(logits)
    return -logp[np.arange(logits.shape[0]), target].mean()


class SGD:
    """A tiny optimizer object: plain SGD over a dict of arrays, updated in place."""

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

    def step(self):
        self.optimizer.lr *= self.gamma


def minibatches(num_train, batch_size, num_iters):
    for it in range(num_iters):
        yield it, np.random.choice(num_train, batch_size)


class TwoLayerNet:
    """Two-layer net trained with an optimizer object, a scheduler and a batch generator."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64) for name in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(z1, 0)
        logits = h1 @ p["W2"] + p["b2"]
        if y is None:
            return logits

        n = X.shape[0]
        probs = np.exp(log_softmax(logits))
        data_loss = cross_entropy(probs, y)
        weight_penalty = np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2)
        loss = data_loss + reg * weight_penalty

        dlogits = probs
        dlogits[np.arange(n), y] -= 1
        dlogits /= n
        grads = {}
        grads["W2"] = h1.T @ dlogits + 2 * reg * p["W2"]
        grads["b2"] = dlogits.sum(axis=0)
        dz1 = (dlogits @ p["W2"].T) * (z1 > 0)
        grads["W1"] = X.T @ dz1 + 2 * reg * p["W1"]
        grads["b1"] = dz1.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        optimizer = SGD(self.params, lr=learning_rate)
        scheduler = StepDecay(optimizer, gamma=learning_rate_decay)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it, idx in minibatches(num_train, batch_size, num_iters):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            optimizer.step(grads)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                scheduler.step()

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        logits = self.loss(X)
        return logits.argmax(axis=1)
