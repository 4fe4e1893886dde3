import numpy as np


def l2_penalty(W):
    """Weight penalty and its derivative."""
    value = np.mean(np.square(W))
    return value, 2.0 * W / W.size


def minibatches(X, y, batch_size, num_iters):
    num_train = X.shape[0]
    for _ in range(num_iters):
        idx = np.random.choice(num_train, batch_size)
        yield X[idx], y[idx]


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]

        u = X.dot(W1) + b1
        v = np.maximum(u, 0)
        scores = v.dot(W2) + b2
        if y is None:
            return scores

        n = scores.shape[0]
        s = scores - scores.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(n), y].mean()

        pen1, dpen1 = l2_penalty(W1)
        pen2, dpen2 = l2_penalty(W2)
        loss += reg * (pen1 + pen2)

        ds = np.exp(logp)
        ds[np.arange(n), y] -= 1
        ds /= n
        dv = ds.dot(W2.T)
        du = np.where(u > 0, dv, 0.0)
        grads = {
            "W1": X.T.dot(du) + reg * dpen1,
            "b1": du.sum(axis=0),
            "W2": v.T.dot(ds) + reg * dpen2,
            "b2": ds.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        iterations_per_epoch = max(X.shape[0] // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it, (X_batch, y_batch) in enumerate(minibatches(X, y, batch_size, num_iters)):
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

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
