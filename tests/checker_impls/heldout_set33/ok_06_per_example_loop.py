import numpy as np


class TwoLayerNet:
    """Loss and gradients accumulated one example at a time (slow but explicit)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _example(self, x):
        z = x.dot(self.params["W1"]) + self.params["b1"]
        h = np.maximum(0, z)
        return z, h, h.dot(self.params["W2"]) + self.params["b2"]

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return np.array([self._example(x)[2] for x in X]).reshape(X.shape[0], -1)
        W1, W2 = self.params["W1"], self.params["W2"]
        N = X.shape[0]
        grads = {k: np.zeros_like(v) for k, v in self.params.items()}
        total = 0.0
        for x, label in zip(X, y):
            z, h, s = self._example(x)
            s = s - s.max()
            e = np.exp(s)
            prob = e / e.sum()
            total -= np.log(prob[label])
            ds = prob.copy()
            ds[label] -= 1
            grads["W2"] += np.outer(h, ds)
            grads["b2"] += ds
            dz = W2.dot(ds) * (z > 0)
            grads["W1"] += np.outer(x, dz)
            grads["b1"] += dz
        for k in grads:
            grads[k] /= N
        grads["W1"] += 2 * reg * W1
        grads["W2"] += 2 * reg * W2
        loss = total / N + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X.take(idx, axis=0)
            y_batch = y.take(idx)
            loss, grads = self.loss(X_batch, y_batch, reg)
            loss_history.append(loss)
            for k, v in self.params.items():
                v -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
