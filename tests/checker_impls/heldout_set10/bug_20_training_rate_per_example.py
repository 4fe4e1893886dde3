import numpy as np


def with_ones(A):
    return np.hstack([A, np.ones((A.shape[0], 1))])


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params["W1"], self.params["W2"]
        T1 = np.vstack([W1, self.params["b1"]])
        T2 = np.vstack([W2, self.params["b2"]])

        Xa = with_ones(X)
        z = Xa.dot(T1)
        h = np.maximum(z, 0)
        ha = with_ones(h)
        scores = ha.dot(T2)
        if y is None:
            return scores

        N = X.shape[0]
        sh = scores - scores.max(axis=1, keepdims=True)
        lp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        loss = -lp[np.arange(N), y].mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        d = np.exp(lp)
        d[np.arange(N), y] -= 1
        d /= N
        dT2 = ha.T.dot(d)
        dz = d.dot(W2.T) * (z > 0)
        dT1 = Xa.T.dot(dz)
        grads = {
            "W1": dT1[:-1] + 2 * reg * W1,
            "b1": dT1[-1],
            "W2": dT2[:-1] + 2 * reg * W2,
            "b2": dT2[-1],
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        step = learning_rate / batch_size
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= step * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                step *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
