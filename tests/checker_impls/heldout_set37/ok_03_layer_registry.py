import numpy as np


class Dense:
    """Affine layer that reads its weights from a shared parameter dict by name."""

    def __init__(self, store, w_name, b_name, use_bias=True):
        self.store, self.w_name, self.b_name, self.use_bias = store, w_name, b_name, use_bias

    def forward(self, x):
        self.x = x
        out = x @ self.store[self.w_name]
        if self.use_bias:
            out = out + self.store[self.b_name]
        return out

    def backward(self, dout, grads):
        grads[self.w_name] = self.x.T @ dout
        grads[self.b_name] = dout.sum(axis=0) if self.use_bias else np.zeros_like(self.store[self.b_name])
        return dout @ self.store[self.w_name].T


class Activation:
    FUNCS = {
        "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(np.float64)),
        "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
        "identity": (lambda z: z, lambda z: np.ones_like(z)),
    }

    def __init__(self, name="relu"):
        if name not in self.FUNCS:
            raise ValueError("unknown activation: %s" % name)
        self.f, self.df = self.FUNCS[name]

    def forward(self, z):
        self.z = z
        return self.f(z)

    def backward(self, dout, grads):
        return dout * self.df(self.z)


class TwoLayerNet:
    """A tiny sequential model: Dense - Activation - Dense, softmax cross-entropy on top."""

    activation = "relu"
    use_bias = True
    weight_names = ("W1", "W2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        if std < 0:
            raise ValueError("std must be non-negative")
        sizes = (input_size, hidden_size, output_size)
        self.params = {}
        for i, name in enumerate(self.weight_names):
            self.params[name] = std * np.random.randn(sizes[i], sizes[i + 1])
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _model(self):
        return [Dense(self.params, "W1", "b1", self.use_bias), Activation(self.activation),
                Dense(self.params, "W2", "b2", self.use_bias)]

    def loss(self, X, y=None, reg=0.0):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim != 2:
            X = X.reshape(len(X), -1)
        model = self._model()
        out = X
        for layer in model:
            out = layer.forward(out)
        scores = out
        if y is None:
            return scores

        y = np.asarray(y, dtype=np.int64).reshape(-1)
        N = scores.shape[0]
        if N == 0:
            raise ValueError("empty batch")
        s = scores - scores.max(axis=1, keepdims=True)
        log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        data_loss = -log_probs[np.arange(N), y].sum() / N
        reg_loss = sum(reg * np.sum(self.params[w] ** 2) for w in self.weight_names)

        grads = {}
        dout = np.exp(log_probs)
        dout[np.arange(N), y] -= 1.0
        dout = dout / N
        for layer in reversed(model):
            dout = layer.backward(dout, grads)
        for w in self.weight_names:
            grads[w] = grads[w] + 2.0 * reg * self.params[w]
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        X, y = np.asarray(X), np.asarray(y)
        if len(X) != len(y):
            raise ValueError("X and y differ in length")
        if learning_rate < 0:
            raise ValueError("learning_rate must be non-negative")
        num_train = len(X)
        epoch_len = max(num_train // batch_size, 1)
        hist = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        for it in range(num_iters):
            take = np.random.choice(num_train, batch_size)
            xb, yb = X[take], y[take]
            value, grads = self.loss(xb, yb, reg=reg)
            if not np.isfinite(value):
                raise FloatingPointError("loss is %r at iteration %d" % (value, it))
            hist["loss_history"].append(value)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % epoch_len == 0:
                hist["train_acc_history"].append(float(np.mean(self.predict(xb) == yb)))
                hist["val_acc_history"].append(float(np.mean(self.predict(X_val) == y_val)))
                learning_rate *= learning_rate_decay
        return hist

    def predict(self, X):
        return np.argmax(self.loss(X), axis=-1)
