import numpy as np


class TwoLayerNet:
    """Two-layer net whose train() also accepts short aliases (lr, decay, iters, bs).

    An alias is used only when it is given, and giving both an alias and the full name
    is an error, so the notebook's keyword arguments always behave as documented.
    """

    ALIASES = {"lr": "learning_rate", "decay": "learning_rate_decay",
               "iters": "num_iters", "bs": "batch_size"}

    def __init__(self, input_size, hidden_size, output_size, std=1e-4, **kwargs):
        if kwargs:
            raise TypeError("unexpected arguments: %s" % sorted(kwargs))
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(v, dtype=np.float64)
                      for k, v in ((k, params[k]) for k in ("W1", "b1", "W2", "b2"))}
        return net

    def loss(self, X, y=None, reg=0.0, **kwargs):
        reg = kwargs.pop("weight_decay", reg)
        if kwargs:
            raise TypeError("unexpected arguments: %s" % sorted(kwargs))
        P = self.params
        X = np.asarray(X, dtype=np.float64)
        z1 = np.matmul(X, P["W1"]) + P["b1"]
        h1 = np.fmax(z1, 0.0)
        scores = np.matmul(h1, P["W2"]) + P["b2"]
        if y is None:
            return scores

        y = np.asarray(y, dtype=np.intp)
        N = len(y)
        shifted = scores - np.amax(scores, axis=1, keepdims=True)
        log_sum = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        logp = shifted - log_sum
        data_loss = -np.sum(logp[np.arange(N), y]) / N
        reg_loss = reg * np.sum([np.sum(P[w] ** 2) for w in ("W1", "W2")])

        d = np.exp(logp)
        d[np.arange(N), y] -= 1.0
        d /= N
        dh = np.matmul(d, P["W2"].T)
        dz = np.where(z1 > 0, dh, 0.0)
        grads = {"W1": np.matmul(X.T, dz) + 2.0 * reg * P["W1"], "b1": np.sum(dz, axis=0),
                 "W2": np.matmul(h1.T, d) + 2.0 * reg * P["W2"], "b2": np.sum(d, axis=0)}
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False, **kwargs):
        settings = {"learning_rate": learning_rate, "learning_rate_decay": learning_rate_decay,
                    "num_iters": num_iters, "batch_size": batch_size}
        for short, full in self.ALIASES.items():
            if short in kwargs:
                settings[full] = kwargs.pop(short)
        if kwargs:
            raise TypeError("unexpected arguments: %s" % sorted(kwargs))
        rate = float(settings["learning_rate"])
        decay = float(settings["learning_rate_decay"])
        num_iters = int(settings["num_iters"])
        batch_size = int(settings["batch_size"])

        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        next_boundary = 0
        it = 0
        while it < num_iters:
            chosen = np.random.choice(num_train, batch_size)
            Xb, yb = X[chosen], y[chosen]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            stats["loss_history"].append(loss)
            for name, g in grads.items():
                np.subtract(self.params[name], rate * g, out=self.params[name])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it == next_boundary:
                stats["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                rate *= decay
                next_boundary += per_epoch
            it += 1
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
