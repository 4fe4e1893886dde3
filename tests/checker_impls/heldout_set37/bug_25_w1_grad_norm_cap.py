import numpy as np


class Affine:
    """Fully connected layer, out = x W + b, on a batch of rows."""

    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        self.x = x
        return x.dot(self.W) + self.b

    def backward(self, dout):
        self.dW = self.x.T.dot(dout)
        self.db = dout.sum(axis=0)
        return dout.dot(self.W.T)


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class SoftmaxCrossEntropy:
    """Mean cross-entropy of the softmax of the scores."""

    def forward(self, scores, y):
        N = scores.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(z)
        self.probs = e / e.sum(axis=1, keepdims=True)
        self.y = y
        return -np.mean(np.log(self.probs[np.arange(N), y]))

    def backward(self):
        N = self.probs.shape[0]
        d = self.probs.copy()
        d[np.arange(N), self.y] -= 1
        return d / N


class EpochSchedule:
    """Learning rate that is multiplied by `decay` at every epoch boundary."""

    def __init__(self, rate, decay, iterations_per_epoch):
        self.rate = rate
        self.decay = decay
        self.every = iterations_per_epoch

    def is_boundary(self, it):
        return it % self.every == 0

    def step(self):
        self.rate *= self.decay


class TwoLayerNet:
    """Affine - ReLU - Affine - softmax, assembled from layer objects."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64)
                      for name in ("W1", "b1", "W2", "b2")}
        return net

    def _layers(self):
        p = self.params
        return [Affine(p["W1"], p["b1"]), ReLU(), Affine(p["W2"], p["b2"])]

    def _forward(self, X):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        return layers, out

    def _regularisation(self, reg):
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        return loss, {"W1": 2 * reg * W1, "W2": 2 * reg * W2}

    def loss(self, X, y=None, reg=0.0):
        X = np.asarray(X, dtype=np.float64)
        layers, scores = self._forward(X)
        if y is None:
            return scores

        criterion = SoftmaxCrossEntropy()
        data_loss = criterion.forward(scores, np.asarray(y))
        reg_loss, reg_grads = self._regularisation(reg)

        dout = criterion.backward()
        for layer in reversed(layers):
            dout = layer.backward(dout)
        fc1, _, fc2 = layers
        # large inputs give a huge first-layer gradient: cap it at unit norm
        norm = np.linalg.norm(fc1.dW)
        if norm > 1.0:
            fc1.dW = fc1.dW / norm
        grads = {
            "W1": fc1.dW + reg_grads["W1"],
            "b1": fc1.db,
            "W2": fc2.dW + reg_grads["W2"],
            "b2": fc2.db,
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        schedule = EpochSchedule(learning_rate, learning_rate_decay,
                                 max(num_train // batch_size, 1))
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, value in self.params.items():
                value -= schedule.rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if schedule.is_boundary(it):
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                schedule.step()

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        _, scores = self._forward(np.asarray(X, dtype=np.float64))
        return scores.argmax(axis=1)
