"""TwoLayerNet with a hand-written backward pass that reads from a cache dict.

The training loop keeps the notebook's shape but steps every parameter through
an update rule sgd(w, dw, config) with its own optim config, as the Solver does.
"""
import numpy as np


def sgd(w, dw, config=None):
    """Vanilla stochastic gradient descent; config holds 'learning_rate'."""
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)
    next_w = w - config["learning_rate"] * dw
    return next_w, config


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _forward(self, X):
        p = self.params
        cache = {"X": X}
        cache["a1"] = X.dot(p["W1"]) + p["b1"]
        cache["h1"] = np.maximum(0, cache["a1"])
        scores = cache["h1"].dot(p["W2"]) + p["b2"]
        return scores, cache

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores

        W1, W2 = self.params["W1"], self.params["W2"]
        N = X.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(shifted)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        data_loss = -np.mean(np.log(probs[np.arange(N), y]))
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N

        grads = {}
        grads["W2"] = cache["h1"].T.dot(dscores) + 2 * reg * W2
        grads["b2"] = np.sum(dscores, axis=0)
        dh1 = dscores.dot(W2.T)
        da1 = dh1 * (cache["a1"] > 0)
        grads["W1"] = cache["X"].T.dot(da1) + 2 * reg * W1
        grads["b1"] = np.sum(da1, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        optim_config = {"learning_rate": learning_rate}
        optim_configs = dict.fromkeys(self.params, optim_config)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            batch_idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[batch_idx]
            y_batch = y[batch_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for p in self.params:
                self.params[p], optim_configs[p] = sgd(self.params[p], grads[p], optim_configs[p])

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = np.mean(self.predict(X_batch) == y_batch)
                val_acc = np.mean(self.predict(X_val) == y_val)
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                for config in optim_configs.values():
                    config["learning_rate"] *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
