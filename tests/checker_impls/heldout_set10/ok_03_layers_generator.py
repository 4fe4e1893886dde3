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


class Relu:
    def forward(self, x):
        self.positive = x > 0
        return np.maximum(0, x)

    def backward(self, dout, grads, reg):
        return dout * self.positive


class SoftmaxCrossEntropy:
    def forward(self, scores, y):
        n = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        self.log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.y = y
        return -self.log_probs[np.arange(n), y].mean()

    def backward(self):
        n = self.log_probs.shape[0]
        d = np.exp(self.log_probs)
        d[np.arange(n), self.y] -= 1
        d /= n
        return d


def sample_batches(num_train, batch_size, count):
    for it in range(count):
        yield it, np.random.choice(num_train, batch_size)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _layers(self):
        return [Linear(self.params, "W1", "b1"), Relu(), Linear(self.params, "W2", "b2")]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        if y is None:
            return out

        crit = SoftmaxCrossEntropy()
        loss = crit.forward(out, y)
        loss += reg * (np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2))
        grads = {}
        d = crit.backward()
        for layer in reversed(layers):
            d = layer.backward(d, grads, reg)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it, idx in sample_batches(num_train, batch_size, num_iters):
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            stats["loss_history"].append(loss)
            for name, g in grads.items():
                self.params[name] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % epoch_len == 0:
                stats["train_acc_history"].append((self.predict(xb) == yb).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
