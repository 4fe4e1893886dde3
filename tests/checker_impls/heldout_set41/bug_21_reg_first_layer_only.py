"""Two-layer net trained from a torch.utils.data-style DataLoader: a sampler object
yields index batches, the loader turns them into (X_batch, y_batch) pairs."""

import numpy as np


class RandomSampler:
    """RandomSampler(replacement=True) + BatchSampler: an endless stream of index batches."""

    def __init__(self, num_samples, batch_size):
        self.num_samples = num_samples
        self.batch_size = batch_size

    def __iter__(self):
        while True:
            yield np.random.choice(self.num_samples, self.batch_size)


class SequentialSampler:
    """Index batches in dataset order, wrapping around at the end."""

    def __init__(self, num_samples, batch_size):
        self.num_samples = num_samples
        self.batch_size = batch_size

    def __iter__(self):
        start = 0
        while True:
            yield np.arange(start, start + self.batch_size) % self.num_samples
            start = (start + self.batch_size) % self.num_samples


class DataLoader:
    def __init__(self, X, y, batch_size, shuffle=False):
        self.X, self.y = X, y
        sampler_cls = RandomSampler if shuffle else SequentialSampler
        self.sampler = sampler_cls(len(X), batch_size)

    def __iter__(self):
        for idx in self.sampler:
            yield self.X[idx], self.y[idx]


def softmax(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def cross_entropy(logits, target):
    """nn.CrossEntropyLoss()(logits, target): mean NLL of log_softmax(logits)."""
    z = logits - logits.max(axis=1, keepdims=True)
    log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -log_probs[np.arange(len(target)), target].mean()


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def forward(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = X @ W1 + b1
        hidden = np.maximum(pre, 0.0)
        logits = hidden @ W2 + b2
        return logits, (pre, hidden)

    def loss(self, X, y=None, reg=0.0):
        logits, (pre, hidden) = self.forward(X)
        if y is None:
            return logits

        W1, W2 = self.params["W1"], self.params["W2"]
        n = logits.shape[0]
        probs = softmax(logits)
        data_loss = cross_entropy(logits, y)
        reg_loss = reg * np.sum(W1 * W1)

        dlogits = probs.copy()
        dlogits[np.arange(n), y] -= 1.0
        dlogits /= n
        dW2 = hidden.T @ dlogits + 2 * reg * W2
        db2 = dlogits.sum(axis=0)
        dpre = (dlogits @ W2.T) * (pre > 0)
        dW1 = X.T @ dpre + 2 * reg * W1
        db1 = dpre.sum(axis=0)
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        log_every = iterations_per_epoch

        loader = DataLoader(X, y, batch_size=batch_size, shuffle=True)
        batches = iter(loader)
        lr = learning_rate

        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            X_batch, y_batch = next(batches)

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            for name in self.params:
                self.params[name] -= lr * grads[name]
            history["loss_history"].append(loss)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % log_every == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
            if it % iterations_per_epoch == 0:
                lr *= learning_rate_decay

        return history

    def predict(self, X):
        logits = self.loss(X)
        # logits.topk(1, dim=1).indices: highest score first, first index on ties
        return np.argsort(-logits, axis=1, kind="stable")[:, 0]
