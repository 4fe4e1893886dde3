import numpy as np


class TwoLayerNet:
    """Two-layer net trained from a prefetched index table with a closed-form rate schedule."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(W1=std * np.random.randn(input_size, hidden_size), b1=np.zeros(hidden_size))
        self.params.update(W2=std * np.random.randn(hidden_size, output_size), b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = np.dot(X, p["W1"]) + p["b1"]
        h1 = np.maximum(z1, 0)
        scores = np.dot(h1, p["W2"]) + p["b2"]
        if y is None:
            return scores
        N = X.shape[0]
        lse = np.logaddexp.reduce(scores, axis=1)
        picked = scores[np.arange(N), y]
        loss = np.mean(lse - picked) + reg * sum(np.sum(p[k] ** 2) for k in ("W1", "W2"))
        onehot = np.arange(scores.shape[1]) == y[:, None]
        d = (np.exp(scores - lse[:, None]) - onehot) / N
        dh = np.dot(d, p["W2"].T)
        dh[z1 <= 0] = 0
        return loss, {
            "W1": np.dot(X.T, dh) + 2 * reg * p["W1"],
            "b1": dh.sum(axis=0),
            "W2": np.dot(h1.T, d) + 2 * reg * p["W2"],
            "b2": d.sum(axis=0),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        table = np.random.choice(num_train, (num_iters, batch_size))  # row it == the it-th draw
        losses, train_acc, val_acc = [], [], []
        for it, idx in enumerate(table):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y_batch, reg)
            losses.append(loss)
            decays_done = -(-it // per_epoch)  # ceil: the boundary at it decays after its update
            lr = learning_rate * learning_rate_decay ** decays_done
            for k, g in grads.items():
                self.params[k] -= lr * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                train_acc.append((self.predict(X_batch) == y_batch).mean())
                val_acc.append((self.predict(X_val) == y_val).mean())
        return {"loss_history": losses, "train_acc_history": train_acc, "val_acc_history": val_acc}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
