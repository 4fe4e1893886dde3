import numpy as np


class Linear:
    def __init__(self, params, w, b):
        self.params, self.w, self.b = params, w, b

    def forward(self, x):
        self.x = x
        return x.dot(self.params[self.w]) + self.params[self.b]

    def backward(self, dout, grads, reg):
        W = self.params[self.w]
        grads[self.w] = self.x.T.dot(dout) + 2 * reg * W
        grads[self.b] = dout.sum(axis=0)
        return dout.dot(W.T)


class Rectifier:
    def forward(self, x):
        self.active = x > 0
        return np.where(self.active, x, 0.0)

    def backward(self, dout, grads, reg):
        return dout * self.active


class SoftmaxCrossEntropy:
    def __call__(self, scores, y):
        n = scores.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        rows = np.arange(n)
        dscores = np.exp(logp)
        dscores[rows, y] -= 1
        return -logp[rows, y].mean(), dscores / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = np.random.normal(0.0, std, size=(input_size, hidden_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = np.random.normal(0.0, std, size=(hidden_size, output_size))
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _layers(self):
        return [Linear(self.params, "W1", "b1"), Rectifier(), Linear(self.params, "W2", "b2")]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        if y is None:
            return out
        data_loss, dout = SoftmaxCrossEntropy()(out, y)
        penalty = reg * sum(np.sum(self.params[w] ** 2) for w in ("W1", "W2"))
        grads = {}
        for layer in reversed(layers):
            dout = layer.backward(dout, grads, reg)
        return data_loss + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            pick = np.random.choice(num_train, batch_size, replace=True)
            xb, yb = X[pick], y[pick]
            value, grads = self.loss(xb, y=yb, reg=reg)
            stats["loss_history"].append(value)
            for key, g in grads.items():
                self.params[key] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % per_epoch == 0:
                stats["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
