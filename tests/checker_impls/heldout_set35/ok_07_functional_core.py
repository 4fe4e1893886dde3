import numpy as np

PARAM_KEYS = ("W1", "b1", "W2", "b2")


def init_params(D, H, C, std):
    """W1 then W2 from the global RNG, zero biases."""
    return {
        "W1": np.random.normal(0.0, std, size=(D, H)),
        "b1": np.zeros(H),
        "W2": np.random.normal(0.0, std, size=(H, C)),
        "b2": np.zeros(C),
    }


def forward(params, X):
    z1 = X @ params["W1"] + params["b1"]
    h1 = z1 * (z1 > 0)
    return h1 @ params["W2"] + params["b2"], (z1, h1)


def loss_and_grads(params, X, y, reg):
    scores, (z1, h1) = forward(params, X)
    n = X.shape[0]
    target = np.zeros_like(scores)
    target[np.arange(n), y] = 1.0

    z = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(z)
    s = e.sum(axis=1, keepdims=True)
    nll = (np.log(s) - z)[target == 1.0]          # row-major order, one entry per example
    data = nll.sum() / n
    penalty = reg * sum(float((params[k] ** 2).sum()) for k in ("W1", "W2"))

    g_scores = (e / s - target) / n
    g_h1 = g_scores @ params["W2"].T
    g_z1 = np.where(z1 > 0, g_h1, 0.0)
    grads = {
        "W2": h1.T @ g_scores + 2.0 * reg * params["W2"],
        "b2": g_scores.sum(axis=0),
        "W1": X.T @ g_z1 + 2.0 * reg * params["W1"],
        "b1": g_z1.sum(axis=0),
    }
    return data + penalty, grads


def sgd(params, grads, lr):
    """A new params dict; the old arrays are left untouched."""
    return {k: params[k] - lr * grads[k] for k in PARAM_KEYS}


class TwoLayerNet:
    """Thin object wrapper around the pure functions above."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = init_params(input_size, hidden_size, output_size, std)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return forward(self.params, X)[0]
        return loss_and_grads(self.params, X, y, reg)

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        losses = np.zeros(num_iters)
        train_acc, val_acc = [], []

        for it in range(num_iters):
            batch = np.random.choice(np.arange(num_train), batch_size)
            Xb, yb = X[batch], y[batch]
            losses[it], grads = loss_and_grads(self.params, Xb, yb, reg)
            self.params = sgd(self.params, grads, learning_rate)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, losses[it]))
            if it % per_epoch == 0:
                train_acc.append(float(np.mean(self.predict(Xb) == yb)))
                val_acc.append(float(np.mean(self.predict(X_val) == y_val)))
                learning_rate = learning_rate * learning_rate_decay

        return {"loss_history": losses.tolist(),
                "train_acc_history": train_acc,
                "val_acc_history": val_acc}

    def predict(self, X):
        scores = forward(self.params, X)[0]
        return scores.argmax(axis=-1)
