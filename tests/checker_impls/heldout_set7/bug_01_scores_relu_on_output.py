import numpy as np


class Dense:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class Rectifier:
    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, dout):
        return dout * self.mask


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _build(self):
        p = self.params
        stack = []
        for i in (1, 2):
            stack.append(Dense(p["W%d" % i], p["b%d" % i]))
            stack.append(Rectifier())
        return stack

    def loss(self, X, y=None, reg=0.0):
        stack = self._build()
        out = X
        for layer in stack:
            out = layer.forward(out)
        if y is None:
            return out

        N = X.shape[0]
        shifted = out - out.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        probs = e / e.sum(axis=1, keepdims=True)
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = -np.mean(shifted[np.arange(N), y] - np.log(e.sum(axis=1)))
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        d = probs.copy()
        d[np.arange(N), y] -= 1.0
        d /= N
        for layer in reversed(stack):
            d = layer.backward(d)
        first, second = stack[0], stack[2]
        grads = {
            "W1": first.dW + 2 * reg * W1,
            "b1": first.db,
            "W2": second.dW + 2 * reg * W2,
            "b2": second.db,
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
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key, g in grads.items():
                self.params[key] -= learning_rate * g
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
