import numpy as np


class _Dense:
    def __init__(self, net, w, b):
        self.net, self.w, self.b = net, w, b

    def forward(self, x):
        self.x = x
        return x.dot(self.net.params[self.w]) + self.net.params[self.b]

    def backward(self, dout):
        W = self.net.params[self.w]
        return dout.dot(W.T), {self.w: self.x.T.dot(dout), self.b: dout.sum(axis=0)}


class _Relu:
    def forward(self, x):
        self.on = x > 0
        return x * self.on

    def backward(self, dout):
        return dout * self.on, {}


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.randn(input_size, hidden_size)
        W2 = np.random.randn(hidden_size, output_size)
        self.params = {"W1": std * W1, "b1": np.zeros(hidden_size),
                       "W2": std * W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for k in ("W1", "b1", "W2", "b2"):
            net.params[k] = np.array(params[k], dtype=np.float64)
        return net

    def _stack(self):
        return [_Dense(self, "W1", "b1"), _Relu(), _Dense(self, "W2", "b2")]

    def loss(self, X, y=None, reg=0.0):
        layers = self._stack()
        out = X
        for layer in layers:
            out = layer.forward(out)
        scores = out
        if y is None:
            return scores

        N = scores.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        total = -logp[np.arange(N), y].sum() / N
        for w in ("W1", "W2"):
            total += reg * np.sum(self.params[w] ** 2)

        dout = np.exp(logp)
        dout[np.arange(N), y] -= 1
        dout /= N
        grads = {}
        for layer in reversed(layers):
            dout, g = layer.backward(dout)
            grads.update(g)
        for w in ("W1", "W2"):
            grads[w] = grads[w] + 2 * reg * self.params[w]
        return total, {k: grads[k] for k in ("W1", "b1", "W2", "b2")}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        spe = N // batch_size or 1
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for i in range(num_iters):
            ix = np.random.choice(N, batch_size)
            xb, yb = X[ix], y[ix]
            l, g = self.loss(xb, y=yb, reg=reg)
            hist["loss_history"].append(l)
            for name, grad in g.items():
                np.subtract(self.params[name], learning_rate * grad, out=self.params[name])
            if verbose and i % 100 == 0:
                print("iteration %d / %d: loss %f" % (i, num_iters, l))
            if divmod(i, spe)[1] == 0:
                hist["train_acc_history"].append((self.predict(xb) == yb).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return hist

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=-1)
