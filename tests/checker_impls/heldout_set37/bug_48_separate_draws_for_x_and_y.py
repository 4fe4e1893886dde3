import numpy as np


class TwoLayerNet:
    """Two-layer net whose train() also takes its settings as a dict of options."""

    PARAM_NAMES = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for name in cls.PARAM_NAMES:
            net.params[name] = np.array(params[name], dtype=np.float64)
        return net

    def _unpack(self):
        return tuple(self.params[name] for name in self.PARAM_NAMES)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self._unpack()
        X = np.asarray(X, dtype=np.float64)
        N = X.shape[0]

        z1 = X @ W1 + b1
        h1 = np.maximum(z1, 0)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        y = np.asarray(y, dtype=int)
        rows = np.arange(N)
        shifted = scores - scores.max(axis=1)[:, None]
        exp_s = np.exp(shifted)
        probs = exp_s / exp_s.sum(axis=1)[:, None]
        data_loss = float(np.mean(np.log(exp_s.sum(axis=1)) - shifted[rows, y]))
        reg_loss = reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))
        loss = data_loss + reg_loss

        dscores = probs
        dscores[rows, y] -= 1
        dscores /= N
        dW2 = h1.T @ dscores + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dh1 = dscores @ W2.T
        dz1 = np.where(z1 > 0, dh1, 0.0)
        dW1 = X.T @ dz1 + 2 * reg * W1
        db1 = dz1.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    @staticmethod
    def _draw(A, batch_size):
        """batch_size rows of A, drawn with replacement."""
        return A[np.random.choice(A.shape[0], batch_size)]

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False, **options):
        """SGD. Extra keyword options (e.g. from a tuned config dict) override the arguments."""
        config = dict(learning_rate=learning_rate, learning_rate_decay=learning_rate_decay,
                      reg=reg, num_iters=num_iters, batch_size=batch_size, verbose=verbose)
        unknown = set(options) - set(config)
        if unknown:
            raise TypeError("unknown training options: %s" % ", ".join(sorted(unknown)))
        config.update(options)
        lr = config["learning_rate"]
        decay = config["learning_rate_decay"]
        reg = config["reg"]
        batch_size = int(config["batch_size"])

        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(int(config["num_iters"])):
            X_batch = self._draw(X, batch_size)
            y_batch = self._draw(y, batch_size)

            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            stats["loss_history"].append(loss)
            for name in self.PARAM_NAMES:
                np.subtract(self.params[name], lr * grads[name], out=self.params[name])

            if config["verbose"] and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, config["num_iters"], loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                lr *= decay

        return stats

    def predict(self, X, chunk_size=1000):
        """Predicted labels, computed chunk by chunk to bound memory."""
        X = np.asarray(X)
        parts = [np.argmax(self.loss(X[start:start + chunk_size]), axis=1)
                 for start in range(0, X.shape[0], chunk_size)]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=int)
