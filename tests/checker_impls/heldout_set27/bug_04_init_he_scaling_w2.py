from __future__ import annotations

from typing import Dict, Optional, Tuple, Union

import numpy as np

Array = np.ndarray


class TwoLayerNet:
    """input -> affine -> ReLU -> affine -> softmax, with L2 on the weights."""

    params: Dict[str, Array]

    def __init__(self, input_size: int, hidden_size: int, output_size: int,
                 std: float = 1e-4) -> None:
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        # the layer after the ReLU: scale for ReLU fan-in (He et al.)
        self.params["W2"] = np.random.randn(hidden_size, output_size) * np.sqrt(2.0 / hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params: Dict[str, Array]) -> "TwoLayerNet":
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X: Array, y: Optional[Array] = None,
             reg: float = 0.0) -> Union[Array, Tuple[float, Dict[str, Array]]]:
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N, D = X.shape
        assert W1.shape[0] == D, "input dimension mismatch"

        pre: Array = X @ W1 + b1
        hid: Array = np.maximum(pre, 0.0)
        scores: Array = hid @ W2 + b2
        if y is None:
            return scores
        assert y.shape == (N,)

        m = scores.max(axis=1, keepdims=True)
        lse = m + np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))
        logp = scores - lse
        loss = float(-np.mean(logp[np.arange(N), y]))
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dS = np.exp(logp)
        dS[np.arange(N), y] -= 1.0
        dS /= N

        grads: Dict[str, Array] = {}
        grads["W2"] = hid.T @ dS + 2.0 * reg * W2
        grads["b2"] = dS.sum(axis=0)
        dH = dS @ W2.T
        dP = np.where(pre > 0, dH, 0.0)
        grads["W1"] = X.T @ dP + 2.0 * reg * W1
        grads["b1"] = dP.sum(axis=0)
        return loss, grads

    def train(self, X: Array, y: Array, X_val: Array, y_val: Array,
              learning_rate: float = 1e-3, learning_rate_decay: float = 0.95,
              reg: float = 5e-6, num_iters: int = 100,
              batch_size: int = 200, verbose: bool = False) -> Dict[str, list]:
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history: list = []
        train_acc_history: list = []
        val_acc_history: list = []

        for it in range(num_iters):
            ids = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[ids], y[ids]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(float(np.mean(self.predict(X_batch) == y_batch)))
                val_acc_history.append(float(np.mean(self.predict(X_val) == y_val)))
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X: Array) -> Array:
        return np.argmax(self.loss(X), axis=1)
