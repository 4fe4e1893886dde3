import numpy as np


class Linear:
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
    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, dout):
        return np.where(self.mask, dout, 0.0)


class SoftmaxCrossEntropy:
    """Softmax followed by the mean negative log-likelihood of the labels."""

    def forward(self, scores, y):
        self.y = y
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.log_probs = shifted - log_z
        return -np.mean(self.log_probs[np.arange(len(y)), y])

    def backward(self):
        n = len(self.y)
        d = np.exp(self.log_probs)
        d[np.arange(n), self.y] -= 1.0
        return d / n


class TwoLayerNet:
    """Two-layer net built from small layer objects (Linear, ReLU, Linear)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": (std * np.random.randn(input_size, hidden_size)).astype(np.float32),
            "b1": np.zeros(hidden_size, dtype=np.float32),
            "W2": (std * np.random.randn(hidden_size, output_size)).astype(np.float32),
            "b2": np.zeros(output_size, dtype=np.float32),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] = np.array(params[key], dtype=np.float64)
        return net

    def _build(self):
        p = self.params
        return [Linear(p["W1"], p["b1"]), ReLU(), Linear(p["W2"], p["b2"])]

    def _forward(self, X):
        layers = self._build()
        out = X
        for layer in layers:
            out = layer.forward(out)
        return layers, out

    def loss(self, X, y=None, reg=0.0):
        layers, scores = self._forward(X)
        if y is None:
            return scores

        criterion = SoftmaxCrossEntropy()
        loss = criterion.forward(scores, y)
        linears = [layer for layer in layers if isinstance(layer, Linear)]
        for layer in linears:
            loss += reg * np.sum(layer.W ** 2)

        dout = criterion.backward()
        for layer in reversed(layers):
            dout = layer.backward(dout)
        for layer in linears:
            layer.dW = layer.dW + 2 * reg * layer.W

        fc1, fc2 = layers[0], layers[2]
        grads = {"W1": fc1.dW, "b1": fc1.db, "W2": fc2.dW, "b2": fc2.db}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key, grad in grads.items():
                self.params[key] -= learning_rate * grad

            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        _, scores = self._forward(X)
        return np.argmax(scores, axis=1)
