"""TwoLayerNet written column-major, one example per column, in the W x + b layout
of the lecture slides.

The weights keep the notebook's shapes (W1 is (D, H), W2 is (H, C)), so the layers
use their transposes; hidden activations are (H, N) and class scores (C, N).
"""
import numpy as np


def sgd(w, dw, config=None):
    if config is None:
        config = {}
    config.setdefault("learning_rate", 1e-2)
    next_w = w - config["learning_rate"] * dw
    return next_w, config


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]

        Xc = X.T                                   # (D, N)
        A1 = W1.T.dot(Xc) + b1[:, np.newaxis]      # (H, N)
        H1 = np.maximum(0, A1)
        S = W2.T.dot(H1) + b2[:, np.newaxis]       # (C, N)
        if y is None:
            return S

        cols = np.arange(N)
        S_shift = S - S.max(axis=0, keepdims=True)
        P = np.exp(S_shift)
        P /= P.sum(axis=0, keepdims=True)
        loss = -np.mean(np.log(P[y, cols]))
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dS = P.copy()
        dS[y, cols] -= 1
        dS /= N
        dW2 = H1.dot(dS.T) + 2 * reg * W2          # (H, C)
        db2 = dS.sum(axis=1)
        dH1 = W2.dot(dS)                           # (H, N)
        dA1 = dH1 * (A1 > 0)
        dW1 = Xc.dot(dA1.T) + 2 * reg * W1         # (D, H)
        db1 = dA1.sum(axis=1)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        self.optim_configs = {p: {"learning_rate": learning_rate} for p in self.params}
        self.epoch = 0
        self.loss_history, self.train_acc_history, self.val_acc_history = [], [], []

        for t in range(num_iters):
            batch_mask = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch_mask], y[batch_mask]

            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            self.loss_history.append(loss)
            for p in self.params:
                self.params[p], self.optim_configs[p] = sgd(self.params[p], grads[p], self.optim_configs[p])

            if verbose and t % 100 == 0:
                print("iteration %d / %d: loss %f" % (t, num_iters, loss))

            if t % iterations_per_epoch == 0:
                self.epoch += 1
                self.train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                self.val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                for config in self.optim_configs.values():
                    config["learning_rate"] *= learning_rate_decay

        return {
            "loss_history": self.loss_history,
            "train_acc_history": self.train_acc_history,
            "val_acc_history": self.val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=0)
