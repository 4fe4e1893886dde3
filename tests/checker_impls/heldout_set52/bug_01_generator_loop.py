"""Notebook port where the SGD cell was rewritten with generators (batches and learning-rate schedule)."""
import numpy as np

REPORT_EVERY = 100


# In [10]: batches, drawn lazily one per iteration
def minibatches(X, y, batch_size, num_iters):
    num_train = X.shape[0]
    for it in range(num_iters):
        idx = np.random.choice(num_train, batch_size, replace=True)
        yield it, X[idx], y[idx]


# In [11]: exponential schedule, advanced once per epoch
def lr_schedule(lr0, decay):
    lr = lr0
    while True:
        yield lr
        lr *= decay


def epoch_boundaries(num_train, batch_size):
    """Predicate for 'this iteration closes an epoch' (iteration 0 counts)."""
    per_epoch = max(num_train // batch_size, 1)
    return lambda it: it % per_epoch == 0


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {"W2": (hidden_size, output_size), "W1": (input_size, hidden_size)}
        self.params = {}
        for name in shapes:
            self.params[name] = std * np.random.randn(*shapes[name])
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        N = X.shape[0]
        z = X.dot(W1) + b1
        h = np.maximum(0, z)
        scores = h.dot(W2) + b2
        if y is None:
            return scores

        s = scores - np.max(scores, axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        loss = -np.log(p[np.arange(N), y]).sum() / N + reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        p[np.arange(N), y] -= 1
        p /= N
        dh = p.dot(W2.T) * (z > 0)
        grads = {
            "W2": h.T.dot(p) + 2 * reg * W2,
            "b2": p.sum(axis=0),
            "W1": X.T.dot(dh) + 2 * reg * W1,
            "b1": dh.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        closes_epoch = epoch_boundaries(X.shape[0], batch_size)
        schedule = lr_schedule(learning_rate, learning_rate_decay)
        lr = next(schedule)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it, X_batch, y_batch in minibatches(X, y, batch_size, num_iters):
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            out["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= lr * grads[k]
            if verbose and it % REPORT_EVERY == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if closes_epoch(it):
                out["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                lr = next(schedule)
        return out

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
