import numpy as np


class TwoLayerNet:
    """A port of a MATLAB-style lecture implementation.

    The notes count layers, examples, classes and iterations from 1; this port
    keeps those 1-based counters and shifts by one wherever a counter is used
    as a NumPy index.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = [input_size, hidden_size, output_size]  # n^(0), n^(1), n^(2)
        self.params = {}
        for l in range(1, 3):
            self.params["W%d" % l] = std * np.random.randn(sizes[l - 1], sizes[l])
        for l in range(1, 3):
            self.params["b%d" % l] = np.zeros(sizes[l])

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for l in range(1, 3):
            for kind in ("W", "b"):
                key = "%s%d" % (kind, l)
                net.params[key] = np.array(params[key], dtype=np.float64)
        return net

    def _forward(self, X):
        a = {0: X}
        z = {}
        for l in range(1, 3):
            z[l] = a[l - 1].dot(self.params["W%d" % l]) + self.params["b%d" % l]
            a[l] = np.maximum(0, z[l]) if l < 2 else z[l]
        return a, z

    def loss(self, X, y=None, reg=0.0):
        a, z = self._forward(X)
        scores = a[2]
        if y is None:
            return scores

        N, C = scores.shape
        mx = scores.max(axis=1)
        Z = np.zeros(N)
        for k in range(1, C + 1):
            Z += np.exp(scores[:, k - 1] - mx)
        log_Z = mx + np.log(Z)

        data_loss = 0.0
        for i in range(1, N + 1):
            data_loss += log_Z[i - 1] - scores[i - 1, y[i - 1]]
        data_loss /= N

        reg_loss = 0.0
        for l in range(1, 3):
            W = self.params["W%d" % l]
            reg_loss += np.sum(W * W)
        loss = data_loss + reg * reg_loss

        grads = {}
        delta = np.exp(scores - log_Z[:, None])
        delta[np.arange(N), y] -= 1.0
        delta /= N
        for l in range(2, 0, -1):
            W = self.params["W%d" % l]
            grads["W%d" % l] = a[l - 1].T.dot(delta) + 2 * reg * W
            grads["b%d" % l] = delta.sum(axis=0)
            if l > 1:
                delta = delta.dot(W.T) * (z[l - 1] > 0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        t = 1
        epochs_done = 0
        while t <= num_iters:
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            eta = learning_rate
            for _ in range(epochs_done):
                eta *= learning_rate_decay
            for key in grads:
                self.params[key] -= eta * grads[key]

            if verbose and (t - 1) % 100 == 0:
                print("iteration %d / %d: loss %f" % (t - 1, num_iters, loss))

            if (t - 1) % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                epochs_done += 1
            t += 1

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        labels = 1 + np.argmax(scores, axis=1)  # classes 1..C, as in the notes
        return labels - 1
