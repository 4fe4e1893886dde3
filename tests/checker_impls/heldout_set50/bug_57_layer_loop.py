"""FullyConnectedNet-style code specialised to one hidden layer (num_layers = 2).

Parameters are named W1, b1, W2, b2 and handled in loops over the layers, the way
the later assignment's fc_net.py does it.
"""
import numpy as np


def affine_forward(x, w, b):
    out = np.dot(x.reshape(x.shape[0], -1), w) + b
    return out, (x, w, b)


def affine_backward(dout, cache):
    x, w, b = cache
    dx = np.dot(dout, w.T).reshape(x.shape)
    dw = np.dot(x.reshape(x.shape[0], -1).T, dout)
    db = dout.sum(axis=0)
    return dx, dw, db


def relu_forward(x):
    return np.maximum(x, 0), x


def relu_backward(dout, cache):
    dx = dout.copy()
    dx[cache <= 0] = 0
    return dx


def softmax_loss(x, y):
    N = x.shape[0]
    shifted_logits = x - np.max(x, axis=1, keepdims=True)
    Z = np.sum(np.exp(shifted_logits), axis=1, keepdims=True)
    log_probs = shifted_logits - np.log(Z)
    probs = np.exp(log_probs)
    loss = -np.sum(log_probs[np.arange(N), y]) / N
    dx = probs.copy()
    dx[np.arange(N), y] -= 1
    dx /= N
    return loss, dx


def sgd(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)
    step = -config["learning_rate"] * dw
    next_w = w - step
    return next_w, config


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.num_layers = 2
        self.params = {}
        dims = [input_size, hidden_size, output_size]
        for i in range(self.num_layers):
            self.params["W%d" % (i + 1)] = std * np.random.randn(dims[i], dims[i + 1])
            self.params["b%d" % (i + 1)] = np.zeros(dims[i + 1])

    def loss(self, X, y=None, reg=0.0):
        caches = {}
        out = X
        for i in range(1, self.num_layers + 1):
            W, b = self.params["W%d" % i], self.params["b%d" % i]
            out, caches["fc%d" % i] = affine_forward(out, W, b)
            if i < self.num_layers:
                out, caches["relu%d" % i] = relu_forward(out)
        scores = out
        if y is None:
            return scores

        loss, dout = softmax_loss(scores, y)

        grads = {}
        for i in reversed(range(1, self.num_layers + 1)):
            if i < self.num_layers:
                dout = relu_backward(dout, caches["relu%d" % i])
            dout, grads["W%d" % i], grads["b%d" % i] = affine_backward(dout, caches["fc%d" % i])

        for i in range(1, self.num_layers + 1):
            W = self.params["W%d" % i]
            loss += reg * np.sum(W * W)
            grads["W%d" % i] += 2 * reg * W

        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        self.optim_config = {"learning_rate": learning_rate}
        self.lr_decay = learning_rate_decay
        self.optim_configs = {p: dict(self.optim_config) for p in self.params}
        self.epoch = 0
        self.best_val_acc = 0.0
        self.loss_history = []
        self.train_acc_history = []
        self.val_acc_history = []

        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        for t in range(num_iters):
            batch_mask = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch_mask], y[batch_mask]

            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            self.loss_history.append(loss)

            for p, w in self.params.items():
                next_w, next_config = sgd(w, grads[p], self.optim_configs[p])
                self.params[p] = next_w
                self.optim_configs[p] = next_config

            if verbose and t % 100 == 0:
                print("(Iteration %d / %d) loss: %f" % (t, num_iters, loss))

            if t % iterations_per_epoch == 0:
                self.epoch += 1
                train_acc = np.mean(self.predict(X_batch) == y_batch)
                val_acc = np.mean(self.predict(X_val) == y_val)
                self.train_acc_history.append(train_acc)
                self.val_acc_history.append(val_acc)
                self.best_val_acc = max(self.best_val_acc, val_acc)
                for k in self.optim_configs:
                    self.optim_configs[k]["learning_rate"] *= self.lr_decay

        return {
            "loss_history": self.loss_history,
            "train_acc_history": self.train_acc_history,
            "val_acc_history": self.val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
