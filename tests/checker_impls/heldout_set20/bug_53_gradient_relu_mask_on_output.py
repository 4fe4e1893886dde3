import numpy as np


class TwoLayerNet:
    """Two-layer net: affine - relu - affine - softmax, with L2 on the weights."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {
            "W1": W1,
            "b1": np.zeros(hidden_size),
            "W2": W2,
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = {name: np.array(params[name], dtype=np.float64)
                      for name in ("W1", "b1", "W2", "b2")}
        return obj

    def _forward(self, X):
        p = self.params
        z = X @ p["W1"] + p["b1"]
        a = np.maximum(z, 0)
        out = a @ p["W2"] + p["b2"]
        return out, (z, a)

    def loss(self, X, y=None, reg=0.0):
        scores, (z, a) = self._forward(X)
        if y is None:
            return scores

        p = self.params
        n = X.shape[0]
        rows = np.arange(n)

        m = scores.max(axis=1, keepdims=True)
        logits = scores - m
        log_z = np.log(np.exp(logits).sum(axis=1, keepdims=True))
        logp = logits - log_z
        loss = -logp[rows, y].mean()
        loss += reg * ((p["W1"] ** 2).sum() + (p["W2"] ** 2).sum())

        g = np.exp(logp)
        g[rows, y] -= 1.0
        g /= n

        grads = {}
        grads["W2"] = a.T @ g + 2.0 * reg * p["W2"]
        grads["b2"] = g.sum(axis=0)
        da = g @ p["W2"].T
        dz = da * (a >= 0)
        grads["W1"] = X.T @ dz + 2.0 * reg * p["W1"]
        grads["b1"] = dz.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        epoch_len = max(n_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate

        for step in range(num_iters):
            batch = np.random.choice(n_train, batch_size)
            xb, yb = X[batch], y[batch]

            loss, grads = self.loss(xb, y=yb, reg=reg)
            history["loss_history"].append(loss)

            for key, grad in grads.items():
                self.params[key] -= lr * grad

            if verbose and step % 100 == 0:
                print(f"iteration {step} / {num_iters}: loss {loss:f}")

            if step % epoch_len == 0:
                history["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return history

    def predict(self, X):
        return self._forward(X)[0].argmax(axis=1)
