import numpy as np


class _Dense:
    def __init__(self, params, w, b):
        self.params, self.w, self.b = params, w, b

    def forward(self, x):
        self.x = x
        return x @ self.params[self.w] + self.params[self.b]

    def backward(self, dout, grads):
        grads[self.w] = self.x.T @ dout
        grads[self.b] = dout.sum(axis=0)
        return dout @ self.params[self.w].T


class _Relu:
    def forward(self, x):
        self.keep = x > 0
        return np.maximum(x, 0)

    def backward(self, dout, grads):
        return dout * self.keep


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = np.random.normal(0.0, 1.0, (input_size, hidden_size)) * std
        self.params["W2"] = np.random.normal(0.0, 1.0, (hidden_size, output_size)) * std
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _layers(self):
        return [_Dense(self.params, "W1", "b1"), _Relu(), _Dense(self.params, "W2", "b2")]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        if y is None:
            return out
        n = out.shape[0]
        z = out - out.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        picked = logp[np.arange(n), y]
        loss = -picked.sum() / n
        for name in ("W1", "W2"):
            loss += reg * np.sum(np.square(self.params[name]))
        upstream = np.exp(logp)
        upstream[np.arange(n), y] -= 1.0
        upstream /= n
        grads = {}
        for layer in reversed(layers):
            upstream = layer.backward(upstream, grads)
        for name in ("W1", "W2"):
            grads[name] = grads[name] + 2 * reg * self.params[name]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        epochs_done = 0
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[idx], y=y[idx], reg=reg)
            history["loss_history"].append(loss)
            rate = learning_rate
            for _ in range(epochs_done):
                rate *= learning_rate_decay
            for name in self.params:
                self.params[name] -= rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X[idx]) == y[idx]).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                epochs_done += 1
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
