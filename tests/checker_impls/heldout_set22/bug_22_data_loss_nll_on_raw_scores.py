"""Port of a PyTorch training script: model(x) -> logits, criterion = nn.NLLLoss()."""
import numpy as np


def nll_loss(inp, target):
    """torch.nn.functional.nll_loss with reduction='mean'."""
    return -inp[np.arange(inp.shape[0]), target].mean()


def softmax(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


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

    def forward(self, x):
        p = self.params
        self._x = x
        self._a = x @ p["W1"] + p["b1"]
        self._h = np.maximum(self._a, 0)
        return self._h @ p["W2"] + p["b2"]

    def loss(self, X, y=None, reg=0.0):
        logits = self.forward(X)
        if y is None:
            return logits
        p = self.params
        n = X.shape[0]
        loss = nll_loss(logits, y) + reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

        # d(cross entropy)/d logits = softmax - onehot
        dlogits = softmax(logits)
        dlogits[np.arange(n), y] -= 1
        dlogits /= n
        da = (dlogits @ p["W2"].T) * (self._a > 0)
        grads = {
            "W2": self._h.T @ dlogits + 2 * reg * p["W2"],
            "b2": dlogits.sum(0),
            "W1": self._x.T @ da + 2 * reg * p["W1"],
            "b1": da.sum(0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            idx = np.random.choice(n, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, yb, reg=reg)
            hist["loss_history"].append(loss)
            for k, g in grads.items():
                self.params[k] -= lr * g
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if it % ipe == 0:
                hist["train_acc_history"].append((self.predict(xb) == yb).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.forward(X).argmax(1)
