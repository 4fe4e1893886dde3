import numpy as np
from dataclasses import dataclass, field


@dataclass
class History:
    loss_history: list = field(default_factory=list)
    train_acc_history: list = field(default_factory=list)
    val_acc_history: list = field(default_factory=list)


def sample_batches(X, y, batch_size):
    n = X.shape[0]
    while True:
        idx = np.random.choice(n, batch_size)
        yield X[idx], y[idx]


def step_size(lr0, decay, it, per_epoch):
    boundaries_passed = 0 if it == 0 else (it - 1) // per_epoch + 1
    return lr0 * decay ** boundaries_passed


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.randn(input_size, hidden_size) * std
        W2 = np.random.randn(hidden_size, output_size) * std
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        z = X @ P["W1"] + P["b1"]
        h = z.clip(min=0)
        scores = h @ P["W2"] + P["b2"]
        if y is None:
            return scores
        N = len(y)
        rows = np.arange(N)
        shifted = scores - scores.max(axis=1)[:, np.newaxis]
        norm = np.log(np.exp(shifted).sum(axis=1))[:, np.newaxis]
        logp = shifted - norm
        loss = float(-logp[rows, y].sum() / N) + reg * float((P["W1"] ** 2).sum() + (P["W2"] ** 2).sum())
        d = np.exp(logp)
        d[rows, y] -= 1
        d /= N
        dz = (d @ P["W2"].T) * (z > 0)
        grads = {
            "W2": h.T @ d + 2 * reg * P["W2"],
            "b2": d.sum(axis=0),
            "W1": X.T @ dz + 2 * reg * P["W1"],
            "b1": dz.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        per_epoch = max(X.shape[0] // batch_size, 1)
        hist = History()
        batches = sample_batches(X, y, batch_size)
        for it, (X_batch, y_batch) in zip(range(num_iters), batches):
            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            hist.loss_history.append(loss)
            lr = step_size(learning_rate, learning_rate_decay, it, per_epoch)
            for k, g in grads.items():
                self.params[k] -= lr * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                hist.train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                hist.val_acc_history.append((self.predict(X_val) == y_val).mean())
        return {"loss_history": hist.loss_history, "train_acc_history": hist.train_acc_history,
                "val_acc_history": hist.val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
