import numpy as np


def affine_forward(x, w, b):
    return x @ w + b, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout @ w.T, x.T @ dout, dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(x, 0.0), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def _forward(self, X):
        p = self.params
        a1, c1 = affine_forward(X, p["W1"], p["b1"])
        h1, r1 = relu_forward(a1)
        a2, c2 = affine_forward(h1, p["W2"], p["b2"])
        out, r2 = relu_forward(a2)
        return out, (c1, r1, c2, r2)

    def loss(self, X, y=None, reg=0.0):
        scores, (c1, r1, c2, r2) = self._forward(X)
        if y is None:
            return scores
        N = X.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_z = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        log_p = shifted - log_z
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = -log_p[np.arange(N), y].mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dout = np.exp(log_p)
        dout[np.arange(N), y] -= 1.0
        dout /= N
        dout = relu_backward(dout, r2)
        dh1, dW2, db2 = affine_backward(dout, c2)
        da1 = relu_backward(dh1, r1)
        _, dW1, db1 = affine_backward(da1, c1)
        grads = {
            "W1": dW1 + 2 * reg * W1,
            "b1": db1,
            "W2": dW2 + 2 * reg * W2,
            "b2": db2,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, g in grads.items():
                self.params[name] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
