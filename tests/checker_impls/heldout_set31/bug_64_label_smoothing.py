import numpy as np


def one_hot(y, num_classes):
    """(N,) integer labels -> (N, num_classes) float one-hot matrix."""
    Y = np.zeros((y.shape[0], num_classes))
    Y[np.arange(y.shape[0]), y] = 1.0
    return Y


def logsumexp(a, axis=1):
    """Numerically stable log(sum(exp(a))) along ``axis``, keeping dims."""
    m = np.max(a, axis=axis, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True))


class TwoLayerNet:
    """Two-layer softmax classifier written with one-hot targets and matrix ops."""

    param_order = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {"W1": (input_size, hidden_size), "W2": (hidden_size, output_size)}
        self.params = {}
        for name in ("W1", "W2"):
            self.params[name] = np.random.normal(0.0, std, size=shapes[name])
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64) for name in cls.param_order}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        Z1 = X @ P["W1"] + P["b1"]
        A1 = np.maximum(Z1, 0)
        S = A1 @ P["W2"] + P["b2"]
        if y is None:
            return S

        N, C = S.shape
        # Label smoothing (Keras CategoricalCrossentropy(label_smoothing=0.1)) for calibration.
        Y = one_hot(y, C) * (1.0 - 0.1) + 0.1 / C
        lse = logsumexp(S)
        data_loss = np.sum(Y * (lse - S)) / N
        reg_loss = reg * (np.sum(np.square(P["W1"])) + np.sum(np.square(P["W2"])))

        probs = np.exp(S - lse)
        dS = (probs - Y) / N
        dA1 = dS @ P["W2"].T
        dZ1 = dA1 * (Z1 > 0)
        grads = {
            "W1": X.T @ dZ1 + 2 * reg * P["W1"],
            "b1": dZ1.sum(axis=0),
            "W2": A1.T @ dS + 2 * reg * P["W2"],
            "b2": dS.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        records = {"loss": [], "train": [], "val": []}

        for it in range(num_iters):
            # np.random.randint(n, size=k) draws the same stream as np.random.choice(n, k).
            rows = np.random.randint(num_train, size=batch_size)
            X_batch, y_batch = X[rows], y[rows]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            records["loss"].append(loss)

            for name in self.param_order:
                np.subtract(self.params[name], learning_rate * grads[name], out=self.params[name])

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                records["train"].append(np.mean(self.predict(X_batch) == y_batch))
                records["val"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay

        return {
            "loss_history": records["loss"],
            "train_acc_history": records["train"],
            "val_acc_history": records["val"],
        }

    def predict(self, X):
        return self.loss(X).argmax(axis=-1)
