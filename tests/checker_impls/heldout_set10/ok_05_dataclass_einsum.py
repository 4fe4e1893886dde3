from dataclasses import dataclass, field

import numpy as np


@dataclass
class Forward:
    X: np.ndarray
    pre: np.ndarray
    hidden: np.ndarray
    scores: np.ndarray


@dataclass(eq=False)
class TwoLayerNet:
    input_size: int
    hidden_size: int
    output_size: int
    std: float = 1e-4
    params: dict = field(init=False, repr=False)

    def __post_init__(self):
        W1 = self.std * np.random.randn(self.input_size, self.hidden_size)
        W2 = self.std * np.random.randn(self.hidden_size, self.output_size)
        self.params = {"W1": W1, "b1": np.zeros(self.hidden_size),
                       "W2": W2, "b2": np.zeros(self.output_size)}

    def _forward(self, X):
        P = self.params
        pre = np.einsum("nd,dh->nh", X, P["W1"]) + P["b1"]
        hidden = np.maximum(pre, 0)
        scores = np.einsum("nh,hc->nc", hidden, P["W2"]) + P["b2"]
        return Forward(X, pre, hidden, scores)

    def loss(self, X, y=None, reg=0.0):
        f = self._forward(X)
        if y is None:
            return f.scores

        P = self.params
        n = f.scores.shape[0]
        shifted = f.scores - f.scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data = -log_probs[np.arange(n), y].mean()
        penalty = reg * (np.einsum("ij,ij->", P["W1"], P["W1"]) + np.einsum("ij,ij->", P["W2"], P["W2"]))

        d_scores = np.exp(log_probs)
        d_scores[np.arange(n), y] -= 1
        d_scores /= n
        d_pre = np.einsum("nc,hc->nh", d_scores, P["W2"]) * (f.pre > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", f.X, d_pre) + 2 * reg * P["W1"],
            "b1": d_pre.sum(axis=0),
            "W2": np.einsum("nh,nc->hc", f.hidden, d_scores) + 2 * reg * P["W2"],
            "b2": d_scores.sum(axis=0),
        }
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            for k, g in grads.items():
                np.subtract(self.params[k], learning_rate * g, out=self.params[k])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self._forward(X).scores, axis=1)
