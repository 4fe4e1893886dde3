import numpy as np

BLOCK = 64


def row_blocks(n, size=BLOCK):
    count = max(n // size, 1)
    for k in range(count):
        yield slice(k * size, (k + 1) * size)


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

    def _forward(self, X):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        pre = np.zeros((N, W1.shape[1]))
        hid = np.zeros((N, W1.shape[1]))
        out = np.zeros((N, W2.shape[1]))
        for rows in row_blocks(N):
            pre[rows] = X[rows] @ W1 + b1
            hid[rows] = np.maximum(pre[rows], 0)
            out[rows] = hid[rows] @ W2 + b2
        return pre, hid, out

    def loss(self, X, y=None, reg=0.0):
        pre, hid, scores = self._forward(X)
        if y is None:
            return scores
        W1, W2 = self.params["W1"], self.params["W2"]
        N = X.shape[0]
        sh = scores - scores.max(axis=1, keepdims=True)
        lp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        loss = -lp[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        ds = np.exp(lp)
        ds[np.arange(N), y] -= 1
        ds /= N
        dpre = (ds @ W2.T) * (pre > 0)
        grads = {"W1": X.T @ dpre + 2 * reg * W1, "b1": dpre.sum(axis=0),
                 "W2": hid.T @ ds + 2 * reg * W2, "b2": ds.sum(axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[batch], y=y[batch], reg=reg)
            history["loss_history"].append(loss)
            self.params = {k: v - learning_rate * grads[k] for k, v in self.params.items()}
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            at_boundary = it % iterations_per_epoch == 0
            if at_boundary:
                history["train_acc_history"].append(np.mean(self.predict(X[batch]) == y[batch]))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
