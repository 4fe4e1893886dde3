import numpy as np


def sample_batch(num_train, batch_size=200):
    """Indices of one minibatch, drawn with replacement."""
    return np.random.choice(num_train, batch_size)


class TwoLayerNet:
    """The net as a list of layer dicts {"W", "b", "name"}; self.params is a flat
    W1/b1/W2/b2 view onto the same arrays."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = [input_size, hidden_size, output_size]
        self.layers = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            W = std * np.random.randn(fan_in, fan_out)
            self.layers.append({"W": W, "b": np.zeros(fan_out)})
        self._index()

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.layers = [
            {"W": np.array(params["W%d" % i], dtype=np.float64),
             "b": np.array(params["b%d" % i], dtype=np.float64)}
            for i in (1, 2)
        ]
        net._index()
        return net

    def _index(self):
        self.params = {}
        for i, layer in enumerate(self.layers, start=1):
            layer["name"] = str(i)
            self.params["W" + layer["name"]] = layer["W"]
            self.params["b" + layer["name"]] = layer["b"]

    def loss(self, X, y=None, reg=0.0):
        last = len(self.layers) - 1
        inputs, pre = [], []
        x = X
        for i, layer in enumerate(self.layers):
            inputs.append(x)
            z = x.dot(layer["W"]) + layer["b"]
            pre.append(z)
            x = np.maximum(0, z) if i < last else z
        scores = x
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean()
        loss += reg * sum(np.sum(layer["W"] ** 2) for layer in self.layers)

        d = np.exp(log_probs)
        d[np.arange(N), y] -= 1
        d /= N
        grads = {}
        for i in reversed(range(len(self.layers))):
            layer = self.layers[i]
            name = layer["name"]
            if i < last:
                d = d * (pre[i] > 0)
            grads["b" + name] = d.sum(axis=0)
            grads["W" + name] = inputs[i].T.dot(d) + 2 * reg * layer["W"]
            d = d.dot(layer["W"].T)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = sample_batch(num_train)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for layer in self.layers:
                for key in ("W", "b"):
                    layer[key] -= lr * grads[key + layer["name"]]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
