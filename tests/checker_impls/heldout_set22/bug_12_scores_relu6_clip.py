"""Ported from a mobile-friendly Keras model; the hidden nonlinearity is the bounded
ReLU used there."""
import numpy as np


class ReLU6:
    def __call__(self, x):
        self.x = x
        return np.clip(x, 0.0, 6.0)

    def grad(self, dout):
        return dout * ((self.x > 0) & (self.x < 6.0))


class Dense:
    def __init__(self, net, w, b):
        self.net, self.w, self.b = net, w, b

    def __call__(self, x):
        self.x = x
        return x @ self.net.params[self.w] + self.net.params[self.b]

    def grad(self, dout, grads, reg):
        W = self.net.params[self.w]
        grads[self.w] = self.x.T @ dout + 2 * reg * W
        grads[self.b] = dout.sum(axis=0)
        return dout @ W.T


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
        d1, act, d2 = Dense(self, "W1", "b1"), ReLU6(), Dense(self, "W2", "b2")
        scores = d2(act(d1(X)))
        if y is None:
            return scores
        n = scores.shape[0]
        m = scores.max(axis=1, keepdims=True)
        lse = m + np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))
        logp = scores - lse
        loss = -logp[np.arange(n), y].mean()
        loss += reg * (np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2))

        dscores = np.exp(logp)
        dscores[np.arange(n), y] -= 1
        dscores /= n
        grads = {}
        d1.grad(act.grad(d2.grad(dscores, grads, reg)), grads, reg)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(n, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            out["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                out["train_acc_history"].append((self.predict(xb) == yb).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
