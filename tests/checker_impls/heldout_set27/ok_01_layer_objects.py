"""Two-layer net assembled from layer objects, with a tiny SGD optimiser object."""
import numpy as np


class Linear:
    def __init__(self, params, w_key, b_key):
        self.params, self.w_key, self.b_key = params, w_key, b_key
        self.x = None

    def forward(self, x):
        self.x = x
        return x.dot(self.params[self.w_key]) + self.params[self.b_key]

    def backward(self, dout):
        grads = {self.w_key: self.x.T.dot(dout), self.b_key: dout.sum(axis=0)}
        return dout.dot(self.params[self.w_key].T), grads


class Rectifier:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask, {}


class Sequential:
    def __init__(self, *layers):
        self.layers = layers

    def forward(self, x):
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, dout):
        grads = {}
        for layer in reversed(self.layers):
            dout, g = layer.backward(dout)
            grads.update(g)
        return grads


class CrossEntropy:
    def __call__(self, scores, y):
        n = scores.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        self.p, self.y = np.exp(log_p), y
        return -log_p[np.arange(n), y].mean()

    def backward(self):
        n = self.p.shape[0]
        d = self.p.copy()
        d[np.arange(n), self.y] -= 1
        return d / n


class SGD:
    def __init__(self, params, lr):
        self.params, self.lr = params, lr

    def step(self, grads):
        for k in self.params:
            self.params[k] -= self.lr * grads[k]


class TwoLayerNet:
    WEIGHTS = ("W1", "W2")

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

    def _model(self):
        return Sequential(Linear(self.params, "W1", "b1"), Rectifier(), Linear(self.params, "W2", "b2"))

    def loss(self, X, y=None, reg=0.0):
        model = self._model()
        scores = model.forward(X)
        if y is None:
            return scores
        ce = CrossEntropy()
        loss = ce(scores, y) + reg * sum(np.sum(self.params[w] ** 2) for w in self.WEIGHTS)
        grads = model.backward(ce.backward())
        for w in self.WEIGHTS:
            grads[w] = grads[w] + 2 * reg * self.params[w]
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        opt = SGD(self.params, learning_rate)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            pick = np.random.choice(num_train, batch_size)
            Xb, yb = X[pick], y[pick]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            history["loss_history"].append(loss)
            opt.step(grads)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(Xb) == yb).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                opt.lr *= learning_rate_decay

        return history

    def predict(self, X):
        return self._model().forward(X).argmax(axis=1)
