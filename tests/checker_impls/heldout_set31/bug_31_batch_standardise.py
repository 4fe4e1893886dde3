import numpy as np


class Dense:
    """Fully connected layer holding references to its weight and bias arrays."""

    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class ReLU:
    """Rectified linear unit; remembers which inputs were positive."""

    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, dout):
        return np.where(self.mask, dout, 0.0)


class SoftmaxCrossEntropy:
    """Mean softmax cross-entropy over a batch (the PyTorch ``reduction='mean'``)."""

    def forward(self, scores, y):
        self.y = y
        shifted = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        self.probs = exp / exp.sum(axis=1, keepdims=True)
        log_probs = shifted - np.log(exp.sum(axis=1, keepdims=True))
        return -log_probs[np.arange(len(y)), y].mean()

    def backward(self):
        n = len(self.y)
        d = self.probs.copy()
        d[np.arange(n), self.y] -= 1.0
        return d / n


class TwoLayerNet:
    """Two-layer net assembled from small layer objects (Dense, ReLU, Dense)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        sizes = [(input_size, hidden_size), (hidden_size, output_size)]
        for i, (fan_in, fan_out) in enumerate(sizes, start=1):
            self.params["W%d" % i] = std * np.random.randn(fan_in, fan_out)
            self.params["b%d" % i] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ("W1", "b1", "W2", "b2"))
        return net

    def _build(self):
        p = self.params
        return [Dense(p["W1"], p["b1"]), ReLU(), Dense(p["W2"], p["b2"])]

    def loss(self, X, y=None, reg=0.0):
        layers = self._build()
        # Standardise the features (zero mean, unit variance) like sklearn's
        # StandardScaler; keeps the first layer well conditioned.
        X = (X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8)
        out = X
        for layer in layers:
            out = layer.forward(out)
        scores = out
        if y is None:
            return scores

        criterion = SoftmaxCrossEntropy()
        data_loss = criterion.forward(scores, y)
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dout = criterion.backward()
        for layer in reversed(layers):
            dout = layer.backward(dout)

        fc1, fc2 = layers[0], layers[2]
        grads = {
            "W1": fc1.dW + 2 * reg * W1,
            "b1": fc1.db,
            "W2": fc2.dW + 2 * reg * W2,
            "b2": fc2.db,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        hp = {"lr": learning_rate, "decay": learning_rate_decay, "reg": reg, "batch_size": batch_size}
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // hp["batch_size"], 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            idx = np.random.choice(num_train, hp["batch_size"])
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=hp["reg"])
            history["loss_history"].append(loss)

            for name in self.params:
                self.params[name] -= hp["lr"] * grads[name]

            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                hp["lr"] *= hp["decay"]

        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
