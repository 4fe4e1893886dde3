"""Two-layer net assembled from small layer objects with forward/backward methods."""

import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W = W
        self.b = b

    def forward(self, x):
        self.x = x
        return x.dot(self.W) + self.b

    def backward(self, dout):
        self.dW = self.x.T.dot(dout)
        self.db = dout.sum(axis=0)
        return dout.dot(self.W.T)


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, dout):
        return np.where(self.mask, dout, 0.0)


class SoftmaxCrossEntropy:
    def forward(self, scores, y):
        N = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        self.probs = exp / exp.sum(axis=1, keepdims=True)
        self.y = y
        return -np.log(self.probs[np.arange(N), y]).mean()

    def backward(self):
        N = self.probs.shape[0]
        dscores = self.probs.copy()
        dscores[np.arange(N), self.y] -= 1
        return dscores / N


class SGD:
    def __init__(self, lr, decay):
        self.lr = lr
        self.decay = decay

    def step(self, params, grads):
        for name, grad in grads.items():
            params[name] -= self.lr * grad

    def end_epoch(self):
        self.lr *= self.decay


class TwoLayerNet:
    """Affine(W1, b1) -> ReLU -> Affine(W2, b2) -> softmax cross-entropy."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _build(self):
        p = self.params
        return Affine(p["W1"], p["b1"]), ReLU(), Affine(p["W2"], p["b2"])

    def loss(self, X, y=None, reg=0.0):
        fc1, relu, fc2 = self._build()
        scores = fc2.forward(relu.forward(fc1.forward(X)))
        if y is None:
            return scores

        criterion = SoftmaxCrossEntropy()
        loss = criterion.forward(scores, y)
        loss += reg * sum(np.sum(self.params[name] ** 2) for name in ("W1", "W2"))

        fc1.backward(relu.backward(fc2.backward(criterion.backward())))
        grads = {"W1": fc1.dW, "b1": fc1.db, "W2": fc2.dW, "b2": fc2.db}
        for name in ("W1", "W2"):
            weight_grad = self.params[name]
            weight_grad *= 2 * reg
            grads[name] += weight_grad
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        optimizer = SGD(learning_rate, learning_rate_decay)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            optimizer.step(self.params, grads)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                optimizer.end_epoch()

        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
