import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
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
        p = self.params
        N = X.shape[0]
        pre = X @ p["W1"] + p["b1"]
        act = np.maximum(pre, 0)
        scores = act @ p["W2"] + p["b2"]
        if y is None:
            return scores
        sc = scores - scores.max(axis=1, keepdims=True)
        lse = np.log(np.exp(sc).sum(axis=1, keepdims=True))
        logp = sc - lse
        loss = -logp[np.arange(N), y].mean() + reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
        d = np.exp(logp)
        d[np.arange(N), y] -= 1
        d /= N
        dpre = (d @ p["W2"].T) * (pre > 0)
        grads = {"W1": X.T @ dpre + 2 * reg * p["W1"], "b1": dpre.sum(0),
                 "W2": act.T @ d + 2 * reg * p["W2"], "b2": d.sum(0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            indices = np.random.choice(batch_size, batch_size)
            X_batch, y_batch = X[indices], y[indices]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            out["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
