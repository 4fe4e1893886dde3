import numpy as np


def make_sgd(params, learning_rate, decay):
    """Return (step, end_epoch) closures sharing a mutable learning-rate cell."""
    state = {"lr": learning_rate}

    def step(grads):
        for key, g in grads.items():
            params[key] -= state["lr"] * g

    def end_epoch():
        state["lr"] *= decay

    return step, end_epoch


def accuracy(predict, X, y):
    """Fraction of rows of X whose predicted label equals y."""
    return np.mean(predict(X) == y)


class TwoLayerNet:
    """Two-layer ReLU network whose loss is assembled from small closures."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = lambda *shape: std * np.random.randn(*shape)
        self.params = {"W1": draw(input_size, hidden_size), "b1": np.zeros(hidden_size)}
        self.params["W2"] = draw(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        net.params.update({k: np.array(v, dtype=np.float64) for k, v in params.items()
                           if k in ("W1", "b1", "W2", "b2")})
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params

        def forward(x):
            z = x.dot(p["W1"]) + p["b1"]
            h = z.clip(min=0)
            return z, h, h.dot(p["W2"]) + p["b2"]

        def log_softmax(s):
            m = s.max(axis=1, keepdims=True)
            return s - m - np.log(np.exp(s - m).sum(axis=1, keepdims=True))

        def penalty():
            return reg * sum((p[k] ** 2).sum() for k in ("W1", "W2"))

        z, h, scores = forward(X)
        if y is None:
            # Inference: return class probabilities, like Keras' model.predict.
            return np.exp(log_softmax(scores))

        n = len(y)
        logp = log_softmax(scores)
        loss = -logp[np.arange(n), y].mean() + penalty()

        d = np.exp(logp)
        d[np.arange(n), y] -= 1
        d /= n
        dh = d.dot(p["W2"].T)
        dz = np.where(z > 0, dh, 0.0)
        grads = {
            "W2": h.T.dot(d) + 2 * reg * p["W2"],
            "b2": d.sum(axis=0),
            "W1": X.T.dot(dz) + 2 * reg * p["W1"],
            "b1": dz.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        step, end_epoch = make_sgd(self.params, learning_rate, learning_rate_decay)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            pick = np.random.choice(num_train, batch_size)
            xb, yb = X[pick], y[pick]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            stats["loss_history"].append(loss)
            step(grads)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(accuracy(self.predict, xb, yb))
                stats["val_acc_history"].append(accuracy(self.predict, X_val, y_val))
                end_epoch()

        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
