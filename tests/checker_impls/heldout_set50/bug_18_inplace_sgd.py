"""Two-layer net trained with the Solver's original in-place update rule.

sgd() here is the one from optim.py: it updates w in place and returns it, so the
parameter arrays are the same objects all through training. The Solver's
best-validation bookkeeping is kept (best_val_acc, best_params) for inspection,
but train() leaves the final SGD iterate in self.params, as the notebook does.
"""
import numpy as np


def sgd(w, dw, config=None):
    """Performs vanilla stochastic gradient descent (in place).

    config format:
    - learning_rate: Scalar learning rate.
    """
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)
    w -= config["learning_rate"] * dw
    return w, config


def affine_relu_forward(x, w, b):
    a = x.dot(w) + b
    out = np.maximum(0, a)
    return out, (x, w, a)


def affine_relu_backward(dout, cache):
    x, w, a = cache
    da = np.where(a > 0, dout, 0)
    return da.dot(w.T), x.T.dot(da), da.sum(axis=0)


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": np.random.normal(0.0, std, (input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": np.random.normal(0.0, std, (hidden_size, output_size)),
            "b2": np.zeros(output_size),
        }
        self.best_val_acc = None
        self.best_params = None

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        hidden, cache = affine_relu_forward(X, p["W1"], p["b1"])
        scores = hidden.dot(p["W2"]) + p["b2"]
        if y is None:
            return scores

        num = X.shape[0]
        correct = scores[np.arange(num), y]
        top = scores.max(axis=1)
        lse = top + np.log(np.exp(scores - top[:, np.newaxis]).sum(axis=1))
        data_loss = np.mean(correct - lse)
        reg_loss = reg * np.sum(p["W1"] * p["W1"]) + reg * np.sum(p["W2"] * p["W2"])

        dscores = np.exp(scores - lse[:, np.newaxis])
        dscores[np.arange(num), y] -= 1
        dscores /= num
        grads = {"W2": hidden.T.dot(dscores) + 2 * reg * p["W2"], "b2": dscores.sum(axis=0)}
        dhidden = dscores.dot(p["W2"].T)
        _, grads["W1"], grads["b1"] = affine_relu_backward(dhidden, cache)
        grads["W1"] += 2 * reg * p["W1"]
        return data_loss + reg_loss, grads

    def check_accuracy(self, X, y, num_samples=None, batch_size=7):
        N = X.shape[0]
        if num_samples is not None and N > num_samples:
            mask = np.random.choice(N, num_samples)
            N = num_samples
            X, y = X[mask], y[mask]
        chunks = [self.predict(X[i:i + batch_size]) for i in range(0, N, batch_size)]
        y_pred = np.concatenate(chunks) if chunks else np.zeros(0, dtype=int)
        return np.mean(y_pred == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        self.epoch = 0
        self.best_val_acc = 0.0
        self.best_params = {}
        self.optim_configs = {k: {"learning_rate": learning_rate} for k in self.params}
        self.loss_history, self.train_acc_history, self.val_acc_history = [], [], []

        for t in range(num_iters):
            batch_mask = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch_mask], y[batch_mask]
            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            self.loss_history.append(loss)
            for k, w in self.params.items():
                self.params[k], self.optim_configs[k] = sgd(w, grads[k], self.optim_configs[k])

            if verbose and t % 100 == 0:
                print("(Iteration %d / %d) loss: %f" % (t, num_iters, loss))

            if t % iterations_per_epoch == 0:
                self.epoch += 1
                train_acc = self.check_accuracy(X_batch, y_batch)
                val_acc = self.check_accuracy(X_val, y_val)
                self.train_acc_history.append(train_acc)
                self.val_acc_history.append(val_acc)
                if val_acc > self.best_val_acc:
                    self.best_val_acc = val_acc
                    self.best_params = {k: v.copy() for k, v in self.params.items()}
                for cfg in self.optim_configs.values():
                    cfg["learning_rate"] *= learning_rate_decay

        return {
            "loss_history": self.loss_history,
            "train_acc_history": self.train_acc_history,
            "val_acc_history": self.val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
