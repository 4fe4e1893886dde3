"""Two-layer net assembled from small pure functions."""
import numpy as np


def dense(x, w, b):
    return x @ w + b, (x, w)


def dense_grad(dout, cache):
    x, w = cache
    return dout @ w.T, x.T @ dout, np.sum(dout, axis=0)


def relu(x):
    return np.maximum(x, 0), x > 0


def relu_grad(dout, mask):
    return np.where(mask, dout, 0.0)


def logsumexp_rows(s):
    m = np.max(s, axis=1, keepdims=True)
    return m + np.log(np.sum(np.exp(s - m), axis=1, keepdims=True))


def cross_entropy(scores, labels):
    n = scores.shape[0]
    lse = logsumexp_rows(scores)
    picked = scores[np.arange(n), labels][:, None]
    loss = np.mean(lse - picked)
    dscores = np.exp(scores - lse)
    dscores[np.arange(n), labels] -= 1
    return loss, dscores / n


def l2(reg, *weights):
    return reg * sum(float(np.sum(w * w)) for w in weights)


def minibatches(X, y, batch_size, count):
    n = X.shape[0]
    for _ in range(count):
        idx = np.random.choice(n, batch_size)
        yield X[idx], y[idx]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)
        self.params = {k: self.params[k] for k in ('W1', 'b1', 'W2', 'b2')}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a, c1 = dense(X, p['W1'], p['b1'])
        h, mask = relu(a)
        scores, c2 = dense(h, p['W2'], p['b2'])
        if y is None:
            return scores
        data, dscores = cross_entropy(scores, y)
        total = data + l2(reg, p['W1'], p['W2'])
        dh, dW2, db2 = dense_grad(dscores, c2)
        _, dW1, db1 = dense_grad(relu_grad(dh, mask), c1)
        return total, {'W1': dW1 + 2 * reg * p['W1'], 'b1': db1,
                       'W2': dW2 + 2 * reg * p['W2'], 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        per_epoch = max(X.shape[0] // batch_size, 1)
        losses, train_acc, val_acc = [], [], []
        lr = learning_rate
        for it, (xb, yb) in enumerate(minibatches(X, y, batch_size, num_iters)):
            value, grads = self.loss(xb, yb, reg)
            losses.append(value)
            for k in self.params:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % per_epoch == 0:
                train_acc.append((self.predict(xb) == yb).mean())
                val_acc.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
        return dict(loss_history=losses, train_acc_history=train_acc, val_acc_history=val_acc)

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
