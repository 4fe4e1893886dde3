"""TwoLayerNet from the notebook; each forward pass keeps its intermediates in a SimpleNamespace.

The notebook inspected the most recent pass through the module-level LAST namespace and
counted calls in STATS; neither feeds back into any computation.
"""
from types import SimpleNamespace

import numpy as np

LAST = SimpleNamespace()              # last forward pass, for poking at in the notebook
STATS = {"loss_calls": 0, "train_calls": 0}
SHOW_PROGRESS_EVERY = 100


def _relu(v):
    return np.maximum(v, 0.0)


def _forward(params, X):
    ctx = SimpleNamespace(X=X)
    ctx.z1 = X.dot(params["W1"]) + params["b1"]
    ctx.h1 = _relu(ctx.z1)
    ctx.scores = ctx.h1.dot(params["W2"]) + params["b2"]
    LAST.__dict__.update(vars(ctx))
    return ctx


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        STATS["loss_calls"] += 1
        ctx = _forward(self.params, X)
        if y is None:
            return ctx.scores
        W1, W2 = self.params["W1"], self.params["W2"]
        N = X.shape[0]

        top = ctx.scores.max(axis=1, keepdims=True)
        e = np.exp(ctx.scores - top)
        ctx.probs = e / e.sum(axis=1, keepdims=True)
        ctx.data_loss = -np.log(ctx.probs[np.arange(N), y]).mean()
        ctx.reg_loss = reg * (np.vdot(W1, W1) + np.vdot(W2, W2)) / N
        loss = ctx.data_loss + ctx.reg_loss

        dscores = ctx.probs.copy()
        dscores[np.arange(N), y] -= 1.0
        dscores /= N
        dh1 = dscores.dot(W2.T)
        dz1 = dh1 * (ctx.z1 > 0)
        grads = {}
        grads["W2"] = ctx.h1.T.dot(dscores) + 2.0 * reg * W2
        grads["b2"] = dscores.sum(axis=0)
        grads["W1"] = X.T.dot(dz1) + 2.0 * reg * W1
        grads["b1"] = dz1.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        STATS["train_calls"] += 1
        run = SimpleNamespace(lr=learning_rate, loss_history=[], train_acc_history=[],
                              val_acc_history=[])
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        for it in range(num_iters):
            pick = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[pick], y[pick]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            run.loss_history.append(loss)
            for key, grad in grads.items():
                self.params[key] -= run.lr * grad
            if verbose and it % SHOW_PROGRESS_EVERY == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                run.train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                run.val_acc_history.append((self.predict(X_val) == y_val).mean())
                run.lr *= learning_rate_decay

        return {"loss_history": run.loss_history,
                "train_acc_history": run.train_acc_history,
                "val_acc_history": run.val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
