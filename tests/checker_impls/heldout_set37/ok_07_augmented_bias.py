import numpy as np


def with_ones(A):
    """A with a trailing column of ones, so that [A, 1] @ [[W], [b]] = A @ W + b."""
    return np.hstack([A, np.ones((A.shape[0], 1))])


class TwoLayerNet:
    """Biases folded into the weight matrices by the 'column of ones' trick.

    self.params keeps the usual W1, b1, W2, b2; the augmented matrices are rebuilt from
    them on every call, and their gradients are split back into the four parts.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for name in ("W1", "b1", "W2", "b2"):
            net.params[name] = np.array(params[name], dtype=np.float64)
        return net

    def _augmented(self):
        p = self.params
        return np.vstack([p["W1"], p["b1"][None, :]]), np.vstack([p["W2"], p["b2"][None, :]])

    def loss(self, X, y=None, reg=0.0):
        A1, A2 = self._augmented()
        Xa = with_ones(np.asarray(X, dtype=np.float64))
        z1 = Xa @ A1
        h1 = np.maximum(z1, 0)
        h1a = with_ones(h1)
        scores = h1a @ A2
        if y is None:
            return scores

        y = np.asarray(y)
        N = Xa.shape[0]
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        data_loss = -np.log(probs[np.arange(N), y]).mean()
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = data_loss + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        g = probs
        g[np.arange(N), y] -= 1
        g /= N
        gA2 = h1a.T @ g
        gz1 = (g @ A2[:-1].T) * (z1 > 0)
        gA1 = Xa.T @ gz1
        grads = {
            "W1": gA1[:-1] + 2 * reg * W1,
            "b1": gA1[-1],
            "W2": gA2[:-1] + 2 * reg * W2,
            "b2": gA2[-1],
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
            loss, grads = self.loss(X_batch, y_batch, reg)
            loss_history.append(loss)
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] = self.params[name] - learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
