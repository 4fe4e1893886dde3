import numpy as np


def affine_forward(x, w, b):
    return x.dot(w) + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


def softmax_loss(scores, y):
    n = scores.shape[0]
    z = scores - np.max(scores, axis=1, keepdims=True)
    p = np.exp(z)
    p /= np.sum(p, axis=1, keepdims=True)
    loss = -np.sum(np.log(p[np.arange(n), y] + 1e-8)) / n
    dscores = p.copy()
    dscores[np.arange(n), y] -= 1
    return loss, dscores / n


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
        a1, c1 = affine_forward(X, p["W1"], p["b1"])
        h1, cr = relu_forward(a1)
        scores, c2 = affine_forward(h1, p["W2"], p["b2"])
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss = reg * (np.sum(p["W1"] * p["W1"]) + np.sum(p["W2"] * p["W2"]))

        dh1, dW2, db2 = affine_backward(dscores, c2)
        da1 = relu_backward(dh1, cr)
        _, dW1, db1 = affine_backward(da1, c1)
        grads = {
            "W1": dW1 + 2 * reg * p["W1"],
            "b1": db1,
            "W2": dW2 + 2 * reg * p["W2"],
            "b2": db2,
        }
        return data_loss + reg_loss, grads

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
