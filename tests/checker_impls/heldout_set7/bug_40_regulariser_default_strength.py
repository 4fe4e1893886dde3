from dataclasses import dataclass

import numpy as np


@dataclass
class Hyper:
    learning_rate: float = 1e-3
    learning_rate_decay: float = 0.95
    reg: float = 5e-6
    num_iters: int = 100
    batch_size: int = 200


DEFAULTS = Hyper()


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

    def loss(self, X, y=None, reg=DEFAULTS.reg):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        hidden_pre = X @ W1 + b1
        hidden = np.maximum(hidden_pre, 0)
        scores = hidden @ W2 + b2
        if y is None:
            return scores
        N = len(y)
        mx = np.max(scores, axis=1, keepdims=True)
        ex = np.exp(scores - mx)
        sm = ex / np.sum(ex, axis=1, keepdims=True)
        loss = -np.mean((scores - mx)[np.arange(N), y] - np.log(np.sum(ex, axis=1)))
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        sm[np.arange(N), y] -= 1
        sm /= N
        dpre = (sm @ W2.T) * (hidden_pre > 0)
        return loss, {"W1": X.T @ dpre + 2 * reg * W1, "b1": dpre.sum(axis=0),
                      "W2": hidden.T @ sm + 2 * reg * W2, "b2": sm.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=DEFAULTS.learning_rate,
              learning_rate_decay=DEFAULTS.learning_rate_decay, reg=DEFAULTS.reg,
              num_iters=DEFAULTS.num_iters, batch_size=DEFAULTS.batch_size, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
