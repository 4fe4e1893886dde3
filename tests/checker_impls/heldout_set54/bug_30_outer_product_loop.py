"""Two-layer net with a per-example backward pass.

For each example the gradient of -log q(y | x) with respect to the scores is
g = q - e_y; the weight gradients are accumulated as outer products, e.g.
dW2 += h g^T and dW1 += x (W2 g * 1[a > 0])^T, then averaged over the batch.
"""
import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = [("W1", (input_size, hidden_size)), ("b1", hidden_size),
                  ("W2", (hidden_size, output_size)), ("b2", output_size)]
        self.params = {}
        for name, shape in shapes:
            if name.startswith("W"):
                self.params[name] = std * np.random.randn(*shape)
            else:
                self.params[name] = np.zeros(shape)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        A = X.dot(W1) + b1
        H = np.maximum(0.0, A)
        S = H.dot(W2) + b2
        if y is None:
            return S

        N, C = S.shape
        total = 0.0
        dW1, db1 = np.zeros_like(W1), np.zeros_like(b1)
        dW2, db2 = np.zeros_like(W2), np.zeros_like(b2)
        for i in range(N):
            s = S[i]
            log_q = s - (s.max() + np.log(np.sum(np.exp(s - s.max()))))
            p = np.zeros(C)
            p[y[i]] = 1.0
            total += -np.dot(p, log_q)                # cross-entropy of example i
            g = np.exp(log_q) - p                     # d loss_i / d s
            dW2 += np.outer(H[i], g)
            db2 += g
            gh = W2.dot(g) * (A[i] > 0)               # back through W2, masked by the ReLU
            dW1 = np.outer(X[i], gh)
            db1 += gh

        loss = total / N + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        grads = {
            "W1": dW1 / N + 2 * reg * W1,
            "b1": db1 / N,
            "W2": dW2 / N + 2 * reg * W2,
            "b2": db2 / N,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        sweep = max(num_train // batch_size, 1)
        step = learning_rate
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for k in range(num_iters):
            closes_sweep = (k % sweep == 0)
            batch = np.random.choice(num_train, batch_size)
            Xb, yb = X[batch], y[batch]
            f, g = self.loss(Xb, y=yb, reg=reg)
            hist["loss_history"].append(f)
            for name in self.params:
                self.params[name] -= step * g[name]
            if verbose and k % 100 == 0:
                print("iteration %d / %d: loss %f" % (k, num_iters, f))
            if closes_sweep:
                hist["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                hist["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                step *= learning_rate_decay
        return hist

    def predict(self, X):
        S = self.loss(X)
        return S.argmax(axis=1)
