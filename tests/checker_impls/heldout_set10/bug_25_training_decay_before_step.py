import numpy as np


class Affine:
    def __init__(self, net, w, b):
        self.net, self.w, self.b = net, w, b

    def __call__(self, x):
        self.x = x
        return x @ self.net.params[self.w] + self.net.params[self.b]

    def grad(self, dy, reg):
        W = self.net.params[self.w]
        return dy @ W.T, {self.w: self.x.T @ dy + 2 * reg * W, self.b: dy.sum(axis=0)}


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        fc1, fc2 = Affine(self, "W1", "b1"), Affine(self, "W2", "b2")
        pre = fc1(X)
        scores = fc2(np.maximum(pre, 0))
        if y is None:
            return scores

        n = len(scores)
        s = scores - scores.max(axis=1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -log_p[np.arange(n), y].mean()
        loss += reg * sum(np.sum(self.params[w] ** 2) for w in ("W1", "W2"))

        d = np.exp(log_p)
        d[np.arange(n), y] -= 1
        d /= n
        dh, grads = fc2.grad(d, reg)
        _, g1 = fc1.grad(dh * (pre > 0), reg)
        grads.update(g1)
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

            epoch_end = it % iterations_per_epoch == 0
            if epoch_end:
                learning_rate *= learning_rate_decay

            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if epoch_end:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
