import numpy as np


class Linear:
    def __init__(self, weight, bias):
        self.weight = weight
        self.bias = bias
        self._x = None

    def forward(self, x):
        self._x = x
        return x.dot(self.weight) + self.bias

    def backward(self, grad_out):
        grad_w = self._x.T.dot(grad_out)
        grad_b = grad_out.sum(axis=0)
        grad_x = grad_out.dot(self.weight.T)
        return grad_x, grad_w, grad_b


class Rectifier:
    def __init__(self):
        self._mask = None

    def forward(self, x):
        self._mask = x > 0
        return np.where(self._mask, x, 0.0)

    def backward(self, grad_out):
        return np.where(self._mask, grad_out, 0.0)


def softmax_xent(logits, labels):
    n = logits.shape[0]
    z = logits - np.max(logits, axis=1, keepdims=True)
    log_norm = np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    log_p = z - log_norm
    loss = -np.sum(log_p[np.arange(n), labels]) / n
    grad = np.exp(log_p)
    grad[np.arange(n), labels] -= 1.0
    return loss, grad / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def _build(self):
        p = self.params
        return Linear(p["W1"], p["b1"]), Rectifier(), Linear(p["W2"], p["b2"])

    def loss(self, X, y=None, reg=0.0):
        fc1, act, fc2 = self._build()
        out = fc2.forward(act.forward(fc1.forward(X)))
        if y is None:
            return out

        data_loss, dout = softmax_xent(out, y)
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = data_loss + reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        dh, dW2, db2 = fc2.backward(dout)
        _, dW1, db1 = fc1.backward(act.backward(dh))
        grads = {
            "W1": dW1 + 2.0 * reg * W1,
            "b1": db1,
            "W2": dW2 + 2.0 * reg * W2,
            "b2": db2,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            picks = np.random.randint(0, n, batch_size)
            xb, yb = X[picks], y[picks]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            history["loss_history"].append(loss)
            for key, g in grads.items():
                self.params[key] -= lr * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
