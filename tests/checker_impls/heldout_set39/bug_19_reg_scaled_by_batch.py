import numpy as np


def _affine(x, w, b):
    """Affine layer out = x w + b for a batch of row vectors."""
    return x.dot(w) + b


def _relu(x):
    return np.maximum(0.0, x)


def _log_softmax(s):
    s = s - np.max(s, axis=1, keepdims=True)
    return s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))


def _one_hot(y, num_classes):
    Y = np.zeros((y.shape[0], num_classes))
    Y[np.arange(y.shape[0]), y] = 1.0
    return Y


class TwoLayerNet:
    """affine - relu - affine - softmax, built from small layer functions.

    The loss is the cross-entropy between the one-hot targets Y and the
    softmax probabilities P, L = -(1/N) sum_{n,k} Y_nk log P_nk, plus
    reg * (||W1||_F^2 + ||W2||_F^2).
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64)
                      for name in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        z1 = _affine(X, p["W1"], p["b1"])
        h1 = _relu(z1)
        scores = _affine(h1, p["W2"], p["b2"])
        return z1, h1, scores

    def loss(self, X, y=None, reg=0.0):
        z1, h1, scores = self._forward(X)
        if y is None:
            return scores

        W1, W2 = self.params["W1"], self.params["W2"]
        N, C = scores.shape
        Y = _one_hot(y, C)
        log_P = _log_softmax(scores)
        data_loss = -np.sum(Y * log_P) / N
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2)) / N

        dscores = (np.exp(log_P) - Y) / N
        dW2 = h1.T.dot(dscores) + 2 * reg * W2 / N
        db2 = np.sum(dscores, axis=0)
        dz1 = dscores.dot(W2.T) * (z1 > 0)
        dW1 = X.T.dot(dz1) + 2 * reg * W1 / N
        db1 = np.sum(dz1, axis=0)

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        return data_loss + reg_loss, grads

    def _sgd_step(self, grads, lr):
        for name, g in grads.items():
            self.params[name] -= lr * g

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        lr = learning_rate
        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            self._sgd_step(grads, lr)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(self._accuracy(X_batch, y_batch))
                val_acc_history.append(self._accuracy(X_val, y_val))
                lr *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self._forward(X)[2]
        return np.argmax(scores, axis=1)
