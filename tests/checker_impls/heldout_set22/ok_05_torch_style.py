"""Written the way one would structure it in PyTorch: forward / backward / step."""
import numpy as np

PARAM_NAMES = ("W1", "b1", "W2", "b2")


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # weights stored (in_features, out_features), so x @ W, unlike torch's (out, in)
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in PARAM_NAMES}
        return net

    # --- autograd by hand -------------------------------------------------
    def forward(self, X):
        p = self.params
        a1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(a1, 0.0)
        logits = h1 @ p["W2"] + p["b2"]
        self._ctx = (X, a1, h1)
        return logits

    def backward(self, dlogits):
        X, a1, h1 = self._ctx
        p = self.params
        g = {}
        g["W2"] = h1.T @ dlogits
        g["b2"] = dlogits.sum(0)
        da1 = (dlogits @ p["W2"].T) * (a1 > 0)
        g["W1"] = X.T @ da1
        g["b1"] = da1.sum(0)
        return g

    @staticmethod
    def cross_entropy(logits, target):
        n = logits.shape[0]
        shifted = logits - logits.max(1, keepdims=True)
        log_softmax = shifted - np.log(np.exp(shifted).sum(1, keepdims=True))
        nll = -log_softmax[np.arange(n), target].mean()
        grad = np.exp(log_softmax)
        grad[np.arange(n), target] -= 1.0
        grad /= n
        return nll, grad

    def loss(self, X, y=None, reg=0.0):
        logits = self.forward(X)
        if y is None:
            return logits
        nll, dlogits = self.cross_entropy(logits, y)
        weight_norm = sum(np.sum(self.params[w] ** 2) for w in ("W1", "W2"))
        grads = self.backward(dlogits)
        for w in ("W1", "W2"):
            grads[w] = grads[w] + 2.0 * reg * self.params[w]
        return nll + reg * weight_norm, grads

    def step(self, grads, lr):
        for name in PARAM_NAMES:
            self.params[name] -= lr * grads[name]

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        steps_per_epoch = max(n_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        def accuracy(inputs, targets):
            return float(np.mean(self.predict(inputs) == targets))

        lr = learning_rate
        for it in range(num_iters):
            idx = np.random.choice(n_train, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, yb, reg=reg)
            history["loss_history"].append(loss)
            self.step(grads, lr)
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if it % steps_per_epoch == 0:
                history["train_acc_history"].append(accuracy(xb, yb))
                history["val_acc_history"].append(accuracy(X_val, y_val))
                lr *= learning_rate_decay  # scheduler.step() once per epoch
        return history

    def predict(self, X):
        return self.forward(X).argmax(axis=1)
