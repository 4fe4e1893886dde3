"""Two-layer net written with einsum contractions and a log-softmax helper, with the
.item() habit for logged numbers and an ExponentialLR-like schedule object."""

import numpy as np


def item(x):
    """x.item(): a Python float out of a 0-d array."""
    return float(np.asarray(x))


def log_softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class ExponentialLR:
    def __init__(self, base_lr, gamma):
        self.base_lr = base_lr
        self.gamma = gamma
        self.last_epoch = 0
        self.lr = base_lr

    def get_last_lr(self):
        return self.lr

    def step(self):
        self.last_epoch += 1
        self.lr = self.base_lr * self.gamma ** self.last_epoch


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=std * np.random.randn(input_size, hidden_size),
            b1=np.zeros(hidden_size),
            W2=std * np.random.randn(hidden_size, output_size),
            b2=np.zeros(output_size),
        )

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        pre = np.einsum("nd,dh->nh", X, p["W1"]) + p["b1"]
        hid = np.maximum(pre, 0.0)
        logits = np.einsum("nh,hc->nc", hid, p["W2"]) + p["b2"]
        return pre, hid, logits

    def loss(self, X, y=None, reg=0.0):
        pre, hid, logits = self._forward(X)
        if y is None:
            return logits

        W1, W2 = self.params["W1"], self.params["W2"]
        N, C = logits.shape
        onehot = np.eye(C)[y]
        logp = log_softmax(logits)
        data_loss = -(onehot * logp).sum(axis=1).mean()
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        dlogits = np.exp(logp) - onehot  # per-example d loss_i / d logits
        dlogits_mean = dlogits / N  # reduction='mean'
        dhid = np.einsum("nc,hc->nh", dlogits_mean, W2)
        dpre = dhid * (pre > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, dpre) + 2 * reg * W1,
            "b1": dpre.sum(axis=0),
            "W2": np.einsum("nh,nc->hc", hid, dlogits_mean) + 2 * reg * W2,
            "b2": dlogits_mean.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        scheduler = ExponentialLR(learning_rate, learning_rate_decay)

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            lr = scheduler.get_last_lr()
            for k, g in grads.items():
                self.params[k] -= lr * g
            loss_history.append(item(loss))

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(item((self.predict(X_batch) == y_batch).mean()))
                val_acc_history.append(item((self.predict(X_val) == y_val).mean()))
                scheduler.step()

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
