import numpy as np


def _affine(W, b):
    def apply(inp):
        return inp @ W + b
    return apply


def _log_softmax(z):
    shift = z - z.max(axis=1)[:, None]
    return shift - np.log(np.exp(shift).sum(axis=1))[:, None]


def _batches(num_train, batch_size, num_iters):
    for _ in range(num_iters):
        yield np.random.choice(num_train, batch_size)


def _rates(start, factor):
    rate = start
    while True:
        yield rate
        rate *= factor


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = lambda *shape: std * np.random.randn(*shape)
        first = draw(input_size, hidden_size)
        second = draw(hidden_size, output_size)
        self.params = {"W1": first, "b1": np.zeros(hidden_size),
                       "W2": second, "b2": np.zeros(output_size)}

    def _pipeline(self):
        p = self.params
        layer1 = _affine(p["W1"], p["b1"])
        layer2 = _affine(p["W2"], p["b2"])

        def run(inp):
            a = layer1(inp)
            h = np.maximum(0, a)
            return a, h, layer2(h)
        return run

    def loss(self, X, y=None, reg=0.0):
        a, h, s = self._pipeline()(X)
        if y is None:
            return s
        n = s.shape[0]
        rows = np.arange(n)
        lp = _log_softmax(s)
        W1, W2 = self.params["W1"], self.params["W2"]
        total = -lp[rows, y].mean() + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        ds = np.exp(lp)
        ds[rows, y] -= 1
        ds /= n
        dh = ds @ W2.T
        da = dh * (a > 0)
        grads = {"W1": X.T @ da + 2 * reg * W1, "b1": da.sum(axis=0),
                 "W2": h.T @ ds + 2 * reg * W2, "b2": ds.sum(axis=0)}
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        every = max(num_train // batch_size, 1)
        rates = _rates(learning_rate, learning_rate_decay)
        lr = next(rates)
        record = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        accuracy = lambda inp, lab: (self.predict(inp) == lab).mean()
        for it, idx in enumerate(_batches(num_train, batch_size, num_iters)):
            xb, yb = X[idx], y[idx]
            cost, grads = self.loss(xb, yb, reg)
            record["loss_history"].append(cost)
            for k in self.params:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, cost))
            if it % every == 0:
                record["train_acc_history"].append(accuracy(xb, yb))
                record["val_acc_history"].append(accuracy(X_val, y_val))
                lr = next(rates)
        return record

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
