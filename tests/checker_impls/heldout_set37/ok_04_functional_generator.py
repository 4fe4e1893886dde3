import numpy as np


def forward(params, X):
    z1 = X @ params["W1"] + params["b1"]
    h1 = np.maximum(z1, 0)
    return z1, h1, h1 @ params["W2"] + params["b2"]


def cross_entropy(scores, y):
    N = len(y)
    top = np.max(scores, axis=1, keepdims=True)
    log_probs = scores - top
    log_probs -= np.log(np.sum(np.exp(log_probs), axis=1, keepdims=True))
    one_hot = np.eye(scores.shape[1])[y]
    return -np.einsum("nc,nc->", one_hot, log_probs) / N, (np.exp(log_probs) - one_hot) / N


def backward(params, X, z1, h1, dscores, reg):
    dz1 = (dscores @ params["W2"].T) * (z1 > 0)
    return {
        "W1": X.T @ dz1 + 2 * reg * params["W1"],
        "b1": dz1.sum(axis=0),
        "W2": h1.T @ dscores + 2 * reg * params["W2"],
        "b2": dscores.sum(axis=0),
    }


def minibatches(X, y, batch_size, count):
    """Lazily yields `count` minibatches, each drawn (with replacement) just before it is used."""
    n = X.shape[0]
    for _ in range(count):
        idx = np.random.choice(n, batch_size)
        yield X[idx], y[idx]


class Recorder:
    def __init__(self, *names):
        self.data = {name: [] for name in names}

    def add(self, **values):
        for name, value in values.items():
            self.data[name].append(value)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = lambda *shape: std * np.random.randn(*shape)
        W1 = draw(input_size, hidden_size)
        W2 = draw(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        self = cls.__new__(cls)
        self.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ("W1", "b1", "W2", "b2"))
        return self

    def loss(self, X, y=None, reg=0.0):
        X = np.asarray(X, dtype=np.float64)
        z1, h1, scores = forward(self.params, X)
        if y is None:
            return scores
        data_loss, dscores = cross_entropy(scores, np.asarray(y))
        reg_loss = reg * sum(np.vdot(self.params[w], self.params[w]) for w in ("W1", "W2"))
        return data_loss + reg_loss, backward(self.params, X, z1, h1, dscores, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        epoch = max(X.shape[0] // batch_size, 1)
        rec = Recorder("loss_history", "train_acc_history", "val_acc_history")
        for it, (Xb, yb) in enumerate(minibatches(X, y, batch_size, num_iters)):
            loss, grads = self.loss(Xb, yb, reg=reg)
            rec.add(loss_history=loss)
            self.params.update({k: v - learning_rate * grads[k] for k, v in self.params.items()})
            if verbose and not it % 100:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if not it % epoch:
                rec.add(train_acc_history=(self.predict(Xb) == yb).mean(),
                        val_acc_history=(self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return rec.data

    def predict(self, X):
        return forward(self.params, np.asarray(X, dtype=np.float64))[2].argmax(axis=1)
