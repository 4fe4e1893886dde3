from typing import Dict, List, Optional, Tuple, Union

import numpy as np

Params = Dict[str, np.ndarray]


class History:
    """The three lists train() hands back."""

    def __init__(self) -> None:
        self.loss_history: List[float] = []
        self.train_acc_history: List[float] = []
        self.val_acc_history: List[float] = []

    def as_dict(self) -> Dict[str, List[float]]:
        return {
            "loss_history": self.loss_history,
            "train_acc_history": self.train_acc_history,
            "val_acc_history": self.val_acc_history,
        }


def _one_hot(y: np.ndarray, c: int) -> np.ndarray:
    return (y[:, None] == np.arange(c)[None, :]).astype(np.float64)


class TwoLayerNet:
    """affine -> ReLU -> affine -> softmax cross-entropy, L2 on W1 and W2 (no 1/2)."""

    def __init__(self, input_size: int, hidden_size: int, output_size: int,
                 std: float = 1e-4) -> None:
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params: Params = {"W1": W1, "b1": np.zeros(hidden_size),
                               "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params: Params) -> "TwoLayerNet":
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X: np.ndarray, y: Optional[np.ndarray] = None,
             reg: float = 0.0) -> Union[np.ndarray, Tuple[float, Params]]:
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        assert X.ndim == 2 and X.shape[1] == W1.shape[0]

        pre = np.add(np.matmul(X, W1), b1)
        act = np.maximum(pre, 0.0)
        scores = np.add(np.matmul(act, W2), b2)
        if y is None:
            return scores

        n, c = scores.shape
        Y = _one_hot(np.asarray(y), c)
        log_norm = np.logaddexp.reduce(scores, axis=1, keepdims=True)
        log_p = scores - log_norm
        data_loss = -np.sum(Y * log_p) / n
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        g_scores = (np.exp(log_p) - Y) / n
        g_act = g_scores @ W2.T
        g_pre = g_act * (pre > 0)
        grads: Params = {
            "W1": X.T @ g_pre + 2.0 * reg * W1,
            "b1": g_pre.sum(axis=0),
            "W2": act.T @ g_scores + 2.0 * reg * W2,
            "b2": g_scores.sum(axis=0),
        }
        return loss, grads

    def train(self, X: np.ndarray, y: np.ndarray, X_val: np.ndarray, y_val: np.ndarray,
              learning_rate: float = 1e-3, learning_rate_decay: float = 0.95,
              reg: float = 5e-6, num_iters: int = 100,
              batch_size: int = 200, verbose: bool = False) -> Dict[str, List[float]]:
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        hist = History()
        lr = learning_rate
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            Xb, yb = X[batch], y[batch]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            hist.loss_history.append(loss)
            for k, g in grads.items():
                np.subtract(self.params[k], lr * g, out=self.params[k])
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if not it % iterations_per_epoch:
                hist.train_acc_history.append(float((self.predict(Xb) == yb).mean()))
                hist.val_acc_history.append(float((self.predict(X_val) == y_val).mean()))
                lr = lr * learning_rate_decay
        return hist.as_dict()

    def predict(self, X: np.ndarray) -> np.ndarray:
        return np.argmax(self.loss(X), axis=1)
