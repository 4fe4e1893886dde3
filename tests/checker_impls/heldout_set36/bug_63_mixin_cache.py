import numpy as np


class Classifier:
    """Shared minibatch-SGD training and prediction for any model that has a
    params dict and a loss(X, y=None, reg=0.0) method."""

    params = None

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            self._sgd_step(grads, learning_rate)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(self.accuracy(X_batch, y_batch))
                val_acc_history.append(self.accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def _sgd_step(self, grads, learning_rate):
        for name in self.params:
            self.params[name] -= learning_rate * grads[name]

    def accuracy(self, X, y):
        return (self.predict(X) == y).mean()

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)


class TwoLayerNet(Classifier):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        cache = {"X": X}
        cache["z1"] = X.dot(p["W1"]) + p["b1"]
        cache["h1"] = np.maximum(0, cache["z1"])
        scores = cache["h1"].dot(p["W2"]) + p["b2"]
        return scores, cache

    @staticmethod
    def _data_loss(scores, y):
        N = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        log_probs = shifted - log_norm
        return -log_probs[np.arange(N), y].mean(), np.exp(log_probs)

    def _backward(self, cache, probs, y, reg):
        p = self.params
        N = probs.shape[0]
        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = {}
        grads["W2"] = cache["z1"].T.dot(dscores) + 2 * reg * p["W2"]
        grads["b2"] = dscores.sum(axis=0)
        dz1 = dscores.dot(p["W2"].T) * (cache["z1"] > 0)
        grads["W1"] = cache["X"].T.dot(dz1) + 2 * reg * p["W1"]
        grads["b1"] = dz1.sum(axis=0)
        return grads

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores
        data_loss, probs = self._data_loss(scores, y)
        reg_loss = reg * (np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2))
        return data_loss + reg_loss, self._backward(cache, probs, y, reg)
