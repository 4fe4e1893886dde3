from __future__ import annotations

import numpy as np

Array = np.ndarray
PARAM_NAMES = ("W1", "b1", "W2", "b2")


def log_softmax(scores: Array) -> Array:
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


class TwoLayerNet:
    """affine -> ReLU -> affine -> softmax cross-entropy, plus reg * ||W||^2 on both weights."""

    params: dict[str, Array]

    def __init__(self, input_size: int, hidden_size: int, output_size: int, std: float = 1e-4):
        w1 = np.random.randn(input_size, hidden_size) * std
        w2 = np.random.randn(hidden_size, output_size) * std
        self.params = {"W1": w1, "b1": np.zeros(hidden_size), "W2": w2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params) -> "TwoLayerNet":
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in PARAM_NAMES}
        return net

    def loss(self, X: Array, y: Array | None = None, reg: float = 0.0):
        W1, b1, W2, b2 = (self.params[k] for k in PARAM_NAMES)

        pre = X @ W1 + b1
        hid = np.maximum(pre, 0.0)
        scores = hid @ W2 + b2
        if y is None:
            return scores

        n, c = scores.shape
        y = np.asarray(y)
        logp = log_softmax(scores)
        nll = -np.take_along_axis(logp, y[:, None], axis=1).mean()
        penalty = reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        onehot = np.eye(c)[y]
        dscores = (np.exp(logp) - onehot) / n
        dpre = (dscores @ W2.T) * (pre > 0)
        grads = {
            "W1": X.T @ dpre + 2.0 * reg * W1,
            "b1": dpre.sum(axis=0),
            "W2": hid.T @ dscores + 2.0 * reg * W2,
            "b2": dscores.sum(axis=0),
        }
        return nll + penalty, grads

    def train(self, X: Array, y: Array, X_val: Array, y_val: Array,
              learning_rate: float = 1e-3, learning_rate_decay: float = 0.95,
              reg: float = 5e-6, num_iters: int = 100,
              batch_size: int = 200, verbose: bool = False) -> dict[str, list]:
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        stats: dict[str, list] = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        epochs_done = 0

        for it in range(num_iters):
            # same draws as np.random.choice(num_train, batch_size)
            idx = np.random.randint(0, num_train, size=batch_size)
            xb, yb = X[idx], y[idx]

            loss, grads = self.loss(xb, yb, reg=reg)
            stats["loss_history"].append(loss)

            lr = learning_rate * learning_rate_decay ** epochs_done
            lr *= min(1.0, (it + 1) / 10.0)  # linear warm-up over the first 10 steps
            for k in PARAM_NAMES:
                self.params[k] -= lr * grads[k]

            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")

            if it % per_epoch == 0:
                stats["train_acc_history"].append(float(np.mean(self.predict(xb) == yb)))
                stats["val_acc_history"].append(float(np.mean(self.predict(X_val) == y_val)))
                epochs_done += 1

        return stats

    def predict(self, X: Array) -> Array:
        return self.loss(X).argmax(axis=1)
