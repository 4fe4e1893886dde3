import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        cache = []
        out = X
        for w, b in (("W1", "b1"), ("W2", "b2")):
            lin = out.dot(self.params[w]) + self.params[b]
            cache.append((out, lin))
            out = np.maximum(0, lin) if w == "W1" else lin
        if y is None:
            return out

        N = X.shape[0]
        rows = np.arange(N)
        out = out - out.max(axis=1, keepdims=True)
        log_z = np.log(np.exp(out).sum(axis=1, keepdims=True))
        loss = np.mean(log_z[:, 0] - out[rows, y])
        loss += reg * sum(np.sum(self.params[w] ** 2) for w in ("W1", "W2"))

        grad = np.exp(out - log_z)
        grad[rows, y] -= 1
        grad /= N
        grads = {}
        for (w, b), (inp, lin) in zip((("W2", "b2"), ("W1", "b1")), reversed(cache)):
            if w == "W1":
                grad = grad * (lin > 0)
            grads[w] = inp.T.dot(grad) + 2 * reg * self.params[w]
            grads[b] = grad.sum(axis=0)
            grad = grad.dot(self.params[w].T)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = num_train / batch_size
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
