import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {"W1": std * np.random.randn(input_size, hidden_size),
                       "b1": np.zeros(hidden_size),
                       "W2": std * np.random.randn(hidden_size, output_size),
                       "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        n = X.shape[0]
        u = X @ W1 + b1
        h = np.maximum(u, 0)
        scores = h @ W2 + b2
        if y is None:
            return scores

        s = scores - scores.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(n), y].mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        g = np.exp(logp)
        g[np.arange(n), y] -= 1
        g /= n
        gW2 = h.T @ g + 2 * reg * W2
        gb2 = g.sum(axis=0)
        gh = g @ W2.T
        gb1 = gh.sum(axis=0)
        gu = gh * (u > 0)
        gW1 = X.T @ gu + 2 * reg * W1
        return loss, {"W1": gW1, "b1": gb1, "W2": gW2, "b2": gb2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        lh, tah, vah = [], [], []
        for it in range(num_iters):
            b = np.random.choice(n, batch_size)
            loss, grads = self.loss(X[b], y=y[b], reg=reg)
            lh.append(loss)
            for k in grads:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % ipe == 0:
                tah.append(np.mean(self.predict(X[b]) == y[b]))
                vah.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": lh, "train_acc_history": tah, "val_acc_history": vah}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
