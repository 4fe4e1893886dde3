import numpy as np


class Linear:
    def __init__(self, params, w_key, b_key):
        self.params, self.w_key, self.b_key = params, w_key, b_key

    def forward(self, x):
        self.x = x
        return x.dot(self.params[self.w_key]) + self.params[self.b_key]

    def backward(self, dout):
        grads = {self.w_key: self.x.T.dot(dout), self.b_key: dout.sum(axis=0)}
        return dout.dot(self.params[self.w_key].T), grads


class ReLU:
    def forward(self, x):
        self.positive = x > 0
        return np.maximum(0, x)

    def backward(self, dout):
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
        return d / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _layers(self):
        return [Linear(self.params, "W1", "b1"), ReLU(), Linear(self.params, "W2", "b2")]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        if y is None:
            return out

        criterion = SoftmaxCrossEntropy()
        weights = [self.params["W1"], self.params["W2"]]
        loss = criterion.forward(out, y) + reg * sum(np.sum(W * W) for W in weights)

        grads = {}
        dout = criterion.backward()
        for layer in reversed(layers):
            dout = layer.backward(dout)
            if isinstance(dout, tuple):
                dout, g = dout
                grads.update(g)
        for name in ("W1", "W2"):
            grads[name] = grads[name] + 2 * reg * self.params[name]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            for name, g in grads.items():
                self.params[name] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
