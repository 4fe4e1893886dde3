import numpy as np


def _log_softmax(z):
    z = z - np.max(z, axis=1, keepdims=True)
    return z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))


class TwoLayerNet(object):
    """input -> affine -> relu -> affine -> softmax cross-entropy."""

    param_names = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)
        self._cache = None

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {n: np.array(params[n], dtype=np.float64) for n in cls.param_names}
        net._cache = None
        return net

    def forward(self, X):
        W1, b1, W2, b2 = [self.params[n] for n in self.param_names]
        fc1 = X.dot(W1) + b1
        relu = np.maximum(fc1, 0)
        out = relu.dot(W2) + b2
        self._cache = (X, fc1, relu)
        return out

    def backward(self, dout, reg):
        X, fc1, relu = self._cache
        W1, W2 = self.params["W1"], self.params["W2"]
        dW2 = relu.T.dot(dout) + 2 * reg * W2
        db2 = dout.sum(axis=0)
        drelu = dout.dot(W2.T)
        dfc1 = np.where(fc1 > 0, drelu, 0)
        dW1 = X.T.dot(dfc1) + 2 * reg * W1
        db1 = dfc1.sum(axis=0)
        return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def loss(self, X, y=None, reg=0.0):
        scores = self.forward(X)
        if y is None:
            return scores

        n = scores.shape[0]
        logp = _log_softmax(scores)
        data_loss = -np.mean(logp[np.arange(n), y])
        l2 = np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2)
        loss = data_loss + reg * l2

        dscores = np.exp(logp)
        dscores[np.arange(n), y] -= 1
        grads = self.backward(dscores / n, reg)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        lr = learning_rate

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[idx], y=y[idx], reg=reg)
            loss_history.append(loss)

            for n in self.param_names:
                self.params[n] -= lr * grads[n]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X[idx]) == y[idx]))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return dict(loss_history=loss_history,
                    train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        scores = self.forward(X)
        probs = np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True)
        return np.argmax(probs, axis=1)
