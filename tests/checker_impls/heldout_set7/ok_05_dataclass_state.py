from dataclasses import dataclass, field

import numpy as np


@dataclass(eq=False)
class TwoLayerNet:
    input_size: int
    hidden_size: int
    output_size: int
    std: float = 1e-4
    params: dict = field(init=False, repr=False)

    def __post_init__(self):
        D, H, C = self.input_size, self.hidden_size, self.output_size
        W1 = self.std * np.random.randn(D, H)
        W2 = self.std * np.random.randn(H, C)
        self.params = {"W1": W1, "b1": np.zeros(H), "W2": W2, "b2": np.zeros(C)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = np.matmul(X, p["W1"])
        z1 += p["b1"]
        a1 = np.maximum(z1, 0.0)
        scores = np.matmul(a1, p["W2"])
        scores += p["b2"]
        if y is None:
            return scores

        n = X.shape[0]
        where = (np.arange(n), y)
        scores_c = scores - scores.max(axis=1, keepdims=True)
        log_probs = scores_c - np.log(np.exp(scores_c).sum(axis=1, keepdims=True))
        loss = -log_probs[where].sum() / n
        loss += reg * (np.square(p["W1"]).sum() + np.square(p["W2"]).sum())

        g = np.exp(log_probs)
        g[where] -= 1.0
        np.divide(g, n, out=g)
        ga1 = np.matmul(g, p["W2"].T)
        np.multiply(ga1, z1 > 0, out=ga1)
        grads = {
            "W1": np.matmul(X.T, ga1) + 2 * reg * p["W1"],
            "b1": ga1.sum(axis=0),
            "W2": np.matmul(a1.T, g) + 2 * reg * p["W2"],
            "b2": g.sum(axis=0),
        }
        return loss, grads

    def _minibatches(self, X, y, batch_size, num_iters):
        n = X.shape[0]
        for _ in range(num_iters):
            chosen = np.random.choice(n, batch_size)
            yield X[chosen], y[chosen]

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        epoch = max(X.shape[0] // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        stream = self._minibatches(X, y, batch_size, num_iters)
        for it, (xb, yb) in enumerate(stream):
            value, grads = self.loss(xb, y=yb, reg=reg)
            history["loss_history"].append(value)
            for key, grad in grads.items():
                np.subtract(self.params[key], learning_rate * grad, out=self.params[key])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % epoch == 0:
                history["train_acc_history"].append(np.count_nonzero(self.predict(xb) == yb) / yb.shape[0])
                history["val_acc_history"].append(np.count_nonzero(self.predict(X_val) == y_val) / y_val.shape[0])
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
