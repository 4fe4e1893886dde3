import numpy as np


def augment(X):
    return np.hstack([X, np.ones((X.shape[0], 1))])


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
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        Xa = augment(X)
        W1a = np.vstack([W1, b1])
        h_in = Xa.dot(W1a)
        h = np.maximum(0, h_in)
        ha = augment(h)
        W2a = np.vstack([W2, b2])
        scores = ha.dot(W2a)
        if y is None:
            return scores

        N = X.shape[0]
        s = scores - scores.max(axis=1, keepdims=True)
        ls = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -ls[np.arange(N), y].mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        ds = np.exp(ls)
        ds[np.arange(N), y] -= 1
        ds /= N
        dW2a = ha.T.dot(ds)
        dh = ds.dot(W2.T)
        dh_in = dh * (h_in > 0)
        dW1a = Xa.T.dot(dh_in)
        grads = {
            "W1": dW1a[:-1] + 2 * reg * W1,
            "b1": dW1a[0],
            "W2": dW2a[:-1] + 2 * reg * W2,
            "b2": dW2a[-1],
        }
        return loss, grads

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        epoch_every = max(n_train // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        lr = learning_rate
        step = 0
        while step < num_iters:
            rows = np.random.choice(n_train, batch_size)
            xb, yb = X[rows], y[rows]
            cost, grads = self.loss(xb, y=yb, reg=reg)
            losses.append(cost)
            for name in grads:
                self.params[name] -= lr * grads[name]
            if verbose and step % 100 == 0:
                print("iteration %d / %d: loss %f" % (step, num_iters, cost))
            if step % epoch_every == 0:
                train_accs.append(self._accuracy(xb, yb))
                val_accs.append(self._accuracy(X_val, y_val))
                lr *= learning_rate_decay
            step += 1
        return dict(loss_history=losses, train_acc_history=train_accs, val_acc_history=val_accs)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
