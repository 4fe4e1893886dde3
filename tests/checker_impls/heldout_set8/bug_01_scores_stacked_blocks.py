import numpy as np


class Dense:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, g):
        self.dW = self.x.T @ g
        self.db = g.sum(axis=0)
        return g @ self.W.T


class ReLU:
    def forward(self, x):
        self.on = x > 0
        return x * self.on

    def backward(self, g):
        return g * self.on


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _stack(self):
        blocks = []
        for i in (1, 2):
            blocks.append(Dense(self.params["W%d" % i], self.params["b%d" % i]))
            blocks.append(ReLU())
        return blocks

    def loss(self, X, y=None, reg=0.0):
        blocks = self._stack()
        out = X
        for blk in blocks:
            out = blk.forward(out)
        if y is None:
            return out

        n = out.shape[0]
        shifted = out - out.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = -logp[np.arange(n), y].mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        g = np.exp(logp)
        g[np.arange(n), y] -= 1
        g /= n
        for blk in reversed(blocks):
            g = blk.backward(g)
        d1, d2 = blocks[0], blocks[2]
        grads = {"W1": d1.dW + 2 * reg * W1, "b1": d1.db,
                 "W2": d2.dW + 2 * reg * W2, "b2": d2.db}
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
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
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
