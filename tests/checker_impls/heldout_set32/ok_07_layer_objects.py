import numpy as np


class _Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x.dot(self.W) + self.b

    def backward(self, dout):
        return dout.dot(self.W.T), self.x.T.dot(dout), dout.sum(axis=0)


class _ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class TwoLayerNet:
    """Two-layer net assembled from small layer objects built fresh on each call."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        params = {}
        params["W1"] = std * np.random.randn(input_size, hidden_size)
        params["W2"] = std * np.random.randn(hidden_size, output_size)
        params["b1"] = np.zeros(hidden_size)
        params["b2"] = np.zeros(output_size)
        self.params = params

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _layers(self):
        return (_Affine(self.params["W1"], self.params["b1"]), _ReLU(),
                _Affine(self.params["W2"], self.params["b2"]))

    def loss(self, X, y=None, reg=0.0):
        fc1, relu, fc2 = self._layers()
        scores = fc2.forward(relu.forward(fc1.forward(X)))
        if y is None:
            return scores

        n = scores.shape[0]
        z = scores - np.amax(scores, axis=1, keepdims=True)
        log_probs = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
        picked = log_probs[np.arange(n), y]
        loss = -(picked.sum() / n)
        loss = loss + reg * np.sum(fc1.W ** 2) + reg * np.sum(fc2.W ** 2)

        dscores = np.exp(log_probs)
        dscores[np.arange(n), y] = dscores[np.arange(n), y] - 1
        dscores = dscores / n
        dh, dW2, db2 = fc2.backward(dscores)
        _, dW1, db1 = fc1.backward(relu.backward(dh))
        return loss, {"W1": dW1 + 2 * reg * fc1.W, "b1": db1, "W2": dW2 + 2 * reg * fc2.W, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        epoch = max(n_train // batch_size, 1)
        losses = []
        accs = {"train": [], "val": []}
        it = -1
        while True:
            it += 1
            if it >= num_iters:
                break
            choice = np.random.choice(n_train, batch_size)
            xb = X[choice]
            yb = y[choice]
            value, grads = self.loss(xb, yb, reg)
            losses.append(value)
            for key in grads:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % epoch != 0:
                continue
            accs["train"].append((self.predict(xb) == yb).mean())
            accs["val"].append((self.predict(X_val) == y_val).mean())
            learning_rate *= learning_rate_decay
        return {"loss_history": losses, "train_acc_history": accs["train"], "val_acc_history": accs["val"]}

    def predict(self, X):
        s = self.loss(X)
        return np.argmax(s, axis=1)
