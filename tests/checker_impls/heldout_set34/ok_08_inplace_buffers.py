import numpy as np


class TwoLayerNet:
    """Heavy on in-place operations on freshly allocated buffers."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = np.random.randn(input_size, hidden_size)
        self.params["W1"] *= std
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = np.random.randn(hidden_size, output_size)
        self.params["W2"] *= std
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for k in ("W1", "b1", "W2", "b2"):
            net.params[k] = np.empty(np.shape(params[k]), dtype=np.float64)
            net.params[k][...] = params[k]
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        h = X.dot(W1)
        h += b1
        active = h > 0
        np.maximum(h, 0, out=h)
        scores = h.dot(W2)
        scores += b2
        if y is None:
            return scores
        N = len(X)
        t = scores.copy()
        t -= t.max(axis=1, keepdims=True)
        e = np.exp(t)
        z = e.sum(axis=1, keepdims=True)
        idx = (np.arange(N), y)
        loss = (np.log(z[:, 0]) - t[idx]).sum() / N
        loss += reg * np.sum(W1 * W1)
        loss += reg * np.sum(W2 * W2)
        e /= z
        e[idx] -= 1
        e /= N
        dW2 = h.T.dot(e)
        dW2 += (2 * reg) * W2
        dh = e.dot(W2.T)
        dh *= active
        dW1 = X.T.dot(dh)
        dW1 += (2 * reg) * W1
        return loss, {"W1": dW1, "b1": dh.sum(axis=0), "W2": dW2, "b2": e.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ("b2", "W2", "b1", "W1"):
                grads[name] *= learning_rate
                self.params[name] -= grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
