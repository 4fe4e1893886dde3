import numpy as np


def _forward(params, X):
    z = X @ params["W1"] + params["b1"]
    h = np.where(z > 0, z, 0.0)
    return z, h, h @ params["W2"] + params["b2"]


def _softmax_xent(scores, y):
    n = scores.shape[0]
    scores = scores - scores.max(axis=1, keepdims=True)
    lse = np.log(np.exp(scores).sum(axis=1, keepdims=True))
    value = np.mean(lse[:, 0] - scores[np.arange(n), y])
    d = np.exp(scores - lse)
    d[np.arange(n), y] -= 1
    return value, d / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4, seed=0):
        self.seed = seed
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        z, h, scores = _forward(P, X)
        if y is None:
            return scores
        data, ds = _softmax_xent(scores, y)
        total = data + reg * (np.sum(P["W1"] ** 2) + np.sum(P["W2"] ** 2))
        dz = (ds @ P["W2"].T) * (z > 0)
        return total, {"W1": X.T @ dz + 2 * reg * P["W1"], "b1": dz.sum(0),
                       "W2": h.T @ ds + 2 * reg * P["W2"], "b2": ds.sum(0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        np.random.seed(getattr(self, "seed", 0))
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            take = np.random.choice(num_train, batch_size)
            xb, yb = X[take], y[take]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            out["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return _forward(self.params, X)[2].argmax(axis=1)
