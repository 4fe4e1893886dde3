import numpy as np
from dataclasses import dataclass, field
from typing import Dict, List


@dataclass
class Stats:
    loss_history: List[float] = field(default_factory=list)
    train_acc_history: List[float] = field(default_factory=list)
    val_acc_history: List[float] = field(default_factory=list)


def forward(params, X):
    hidden_in = np.matmul(X, params["W1"]) + params["b1"]
    hidden = np.clip(hidden_in, 0.0, None)
    return hidden_in, hidden, np.matmul(hidden, params["W2"]) + params["b2"]


def objective(params, X, y, reg):
    hidden_in, hidden, scores = forward(params, X)
    n = scores.shape[0]
    idx = (np.arange(n), y)
    peak = np.amax(scores, axis=1, keepdims=True)
    centred = scores - peak
    log_probs = centred - np.log(np.sum(np.exp(centred), axis=1, keepdims=True))
    W1, W2 = params["W1"], params["W2"]
    value = -np.mean(log_probs[idx]) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

    delta = np.exp(log_probs)
    delta[idx] -= 1.0
    delta = delta / n
    back = np.matmul(delta, W2.T) * (hidden_in > 0)
    grads = {
        "W1": np.matmul(X.T, back) + 2.0 * reg * W1,
        "b1": back.sum(axis=0),
        "W2": np.matmul(hidden.T, delta) + 2.0 * reg * W2,
        "b2": delta.sum(axis=0),
    }
    return value, grads


def sgd(params, grads, rate):
    return {k: params[k] - rate * grads[k] for k in params}


@dataclass
class TwoLayerNet:
    input_size: int
    hidden_size: int
    output_size: int
    std: float = 1e-4
    params: Dict[str, np.ndarray] = field(init=False, repr=False)

    def __post_init__(self):
        W1 = self.std * np.random.randn(self.input_size, self.hidden_size)
        W2 = self.std * np.random.randn(self.hidden_size, self.output_size)
        self.params = {"W1": W1, "b1": np.zeros(self.hidden_size),
                       "W2": W2, "b2": np.zeros(self.output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net.input_size, net.hidden_size = net.params["W1"].shape
        net.output_size = net.params["W2"].shape[1]
        net.std = 0.0
        return net

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return forward(self.params, X)[2]
        return objective(self.params, X, y, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = Stats()
        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            value, grads = self.loss(X[sel], y=y[sel], reg=reg)
            stats.loss_history.append(value)
            self.params = sgd(self.params, grads, learning_rate)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % iterations_per_epoch == 0:
                stats.train_acc_history.append((self.predict(X[sel]) == y[sel]).mean())
                stats.val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": stats.loss_history,
                "train_acc_history": stats.train_acc_history,
                "val_acc_history": stats.val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
