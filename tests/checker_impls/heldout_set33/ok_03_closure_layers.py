import numpy as np


def affine(x, w, b):
    out = x @ w + b

    def backward(dout):
        return dout @ w.T, x.T @ dout, dout.sum(0)

    return out, backward


def relu(x):
    mask = x > 0

    def backward(dout):
        return np.where(mask, dout, 0.0)

    return np.where(mask, x, 0.0), backward


def softmax_cross_entropy(scores, y):
    n = len(y)
    z = scores - scores.max(1, keepdims=True)
    p = np.exp(z)
    p /= p.sum(1, keepdims=True)
    loss = -np.mean(np.log(p[np.arange(n), y]))
    p[np.arange(n), y] -= 1
    return loss, p / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = std * np.random.randn(input_size, hidden_size)
        second = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": first, "W2": second,
                       "b1": np.zeros(hidden_size), "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        a, back1 = affine(X, P["W1"], P["b1"])
        h, back_relu = relu(a)
        scores, back2 = affine(h, P["W2"], P["b2"])
        if y is None:
            return scores
        data_loss, dscores = softmax_cross_entropy(scores, y)
        loss = data_loss + reg * (np.square(P["W1"]).sum() + np.square(P["W2"]).sum())
        dh, dW2, db2 = back2(dscores)
        _, dW1, db1 = back1(back_relu(dh))
        dW1 += 2 * reg * P["W1"]
        dW2 += 2 * reg * P["W2"]
        return loss, dict(W1=dW1, b1=db1, W2=dW2, b2=db2)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        stats = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        it = -1
        while True:
            it += 1
            if it >= num_iters:
                break
            batch = np.random.choice(num_train, batch_size)
            xb, yb = X[batch], y[batch]
            current, grads = self.loss(xb, yb, reg)
            stats["loss_history"].append(current)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, current))
            if it % per_epoch:
                continue
            stats["train_acc_history"].append(np.mean(self.predict(xb) == yb))
            stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
            learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=-1)
