import numpy as np


class Linear:
    def __init__(self, params, w_key, b_key):
        self.params, self.w_key, self.b_key = params, w_key, b_key

    def forward(self, x):
        self.x = x
        return x.dot(self.params[self.w_key]) + self.params[self.b_key]

    def backward(self, dout, grads):
        grads[self.w_key] = self.x.T.dot(dout)
        grads[self.b_key] = dout.sum(axis=0)
        return dout.dot(self.params[self.w_key].T)


class ReLU:
    def forward(self, x):
        self.positive = x > 0
        return np.maximum(x, 0)

    def backward(self, dout, grads):
        return dout * self.positive


class SoftmaxCrossEntropy:
    def forward(self, scores, labels):
        n = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        self.log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.rows, self.labels = np.arange(n), labels
        return -self.log_p[self.rows, labels].mean()

    def backward(self):
        d = np.exp(self.log_p)
        d[self.rows, self.labels] -= 1
        return d / d.shape[0]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {"W1": std * np.random.randn(input_size, hidden_size), "b1": np.zeros(hidden_size)}
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _layers(self):
        return [Linear(self.params, "W1", "b1"), ReLU(), Linear(self.params, "W2", "b2")]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        if y is None:
            return out
        head = SoftmaxCrossEntropy()
        penalty = sum(np.sum(self.params[k] * self.params[k]) for k in ("W1", "W2"))
        loss = head.forward(out, y) + reg * penalty
        grads = {}
        d = head.backward()
        for layer in reversed(layers):
            d = layer.backward(d, grads)
        for k in ("W1", "W2"):
            grads[k] = grads[k] + 2 * reg * self.params[k]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        epoch_len = max(n // batch_size, 1)
        record = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        def batches():
            for step in range(num_iters):
                pick = np.random.choice(n, batch_size)
                yield step, X[pick], y[pick]

        for step, xb, yb in batches():
            value, grads = self.loss(xb, y=yb, reg=reg)
            record["loss_history"].append(value)
            for key in ("W1", "b1", "W2", "b2"):
                self.params[key] -= learning_rate * grads[key]
            if verbose and step % 100 == 0:
                print("iteration %d / %d: loss %f" % (step, num_iters, value))
            if step % epoch_len == 0:
                record["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                record["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay
        return record

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
