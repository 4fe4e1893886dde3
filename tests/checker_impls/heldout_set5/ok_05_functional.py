import numpy as np


def forward(params, X):
    pre = X @ params["W1"] + params["b1"]
    act = np.where(pre > 0, pre, 0.0)
    return act @ params["W2"] + params["b2"], (X, pre, act)


def log_softmax(scores):
    top = np.max(scores, axis=1, keepdims=True)
    return scores - top - np.log(np.sum(np.exp(scores - top), axis=1, keepdims=True))


def backward(params, cache, dscores, reg):
    X, pre, act = cache
    dact = dscores @ params["W2"].T
    dpre = np.where(pre > 0, dact, 0.0)
    return {
        "W1": X.T @ dpre + 2 * reg * params["W1"],
        "b1": dpre.sum(axis=0),
        "W2": act.T @ dscores + 2 * reg * params["W2"],
        "b2": dscores.sum(axis=0),
    }


def accuracy(net, X, y):
    return np.mean(net.predict(X) == y)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.standard_normal((input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.standard_normal((hidden_size, output_size)),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        scores, cache = forward(self.params, X)
        if y is None:
            return scores
        N = scores.shape[0]
        logp = log_softmax(scores)
        onehot = np.zeros_like(scores)
        onehot[np.arange(N), y] = 1.0
        data = -np.sum(logp * onehot) / N
        W1, W2 = self.params["W1"], self.params["W2"]
        penalty = reg * (np.vdot(W1, W1) + np.vdot(W2, W2))
        dscores = (np.exp(logp) - onehot) / N
        return data + penalty, backward(self.params, cache, dscores, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            rows = np.random.choice(num_train, size=batch_size, replace=True)
            Xb, yb = X[rows], y[rows]
            value, grads = self.loss(Xb, yb, reg)
            out["loss_history"].append(value)
            for name in self.params:
                np.subtract(self.params[name], learning_rate * grads[name], out=self.params[name])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % epoch == 0:
                out["train_acc_history"].append(accuracy(self, Xb, yb))
                out["val_acc_history"].append(accuracy(self, X_val, y_val))
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores == scores.max(axis=1, keepdims=True), axis=1)
