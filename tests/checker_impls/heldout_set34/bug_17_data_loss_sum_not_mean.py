import numpy as np


class TwoLayerNet:
    """affine -> relu -> affine -> softmax, parameters in self.params."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        W1 = std * np.random.randn(D, H)
        W2 = std * np.random.randn(H, C)
        self.params = {"W1": W1, "b1": np.zeros(H), "W2": W2, "b2": np.zeros(C)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64)
                      for name in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(z1, 0.0)
        scores = h1 @ p["W2"] + p["b2"]
        return z1, h1, scores

    def loss(self, X, y=None, reg=0.0):
        z1, h1, scores = self._forward(X)
        if y is None:
            return scores

        W1, W2 = self.params["W1"], self.params["W2"]
        num = X.shape[0]
        rows = np.arange(num)

        m = np.max(scores, axis=1, keepdims=True)
        e = np.exp(scores - m)
        s = np.sum(e, axis=1, keepdims=True)
        probs = e / s
        data_loss = np.sum(np.log(s[:, 0]) + m[:, 0] - scores[rows, y])
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = probs
        dscores[rows, y] -= 1.0
        dW2 = h1.T @ dscores + 2.0 * reg * W2
        db2 = np.sum(dscores, axis=0)
        dh1 = dscores @ W2.T
        dz1 = np.where(z1 > 0, dh1, 0.0)
        dW1 = X.T @ dz1 + 2.0 * reg * W1
        db1 = np.sum(dz1, axis=0)

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        lr = learning_rate
        for it in range(num_iters):
            batch = np.random.choice(n, batch_size)
            Xb, yb = X[batch], y[batch]

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            history["loss_history"].append(loss)
            for k, g in grads.items():
                self.params[k] -= lr * g

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
