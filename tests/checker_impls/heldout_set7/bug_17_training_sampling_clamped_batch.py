import numpy as np


def _make_sampler(num_train, batch_size):
    size = min(batch_size, num_train)

    def draw():
        return np.random.choice(num_train, size)

    return draw


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = {"W1": (input_size, hidden_size), "W2": (hidden_size, output_size)}
        self.params = {}
        for name in ("W1", "W2"):
            self.params[name] = std * np.random.randn(*shapes[name])
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        pre = X.dot(W1) + b1
        post = np.maximum(pre, 0)
        out = post.dot(W2) + b2
        if y is None:
            return out
        N = out.shape[0]
        out_s = out - out.max(axis=1, keepdims=True)
        e = np.exp(out_s)
        Z = e.sum(axis=1)
        loss = np.mean(np.log(Z) - out_s[np.arange(N), y])
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        d = e / Z[:, None]
        d[np.arange(N), y] -= 1
        d /= N
        dpost = d.dot(W2.T)
        dpre = dpost * (pre > 0)
        return loss, {
            "W1": X.T.dot(dpre) + 2 * reg * W1,
            "b1": dpre.sum(axis=0),
            "W2": post.T.dot(d) + 2 * reg * W2,
            "b2": d.sum(axis=0),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        draw = _make_sampler(num_train, batch_size)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = draw()
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
