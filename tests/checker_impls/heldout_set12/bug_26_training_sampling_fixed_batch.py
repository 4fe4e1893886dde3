import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = np.random.randn
        self.params = {"W1": std * draw(input_size, hidden_size)}
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * draw(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(v, dtype=np.float64) for k, v in params.items() if k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        N = X.shape[0]
        z = X @ W1 + b1
        r = np.maximum(z, 0)
        out = r @ W2 + b2
        if y is None:
            return out

        total = 0.0
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(N):
            row = out[i] - out[i].max()
            lse = np.log(np.exp(row).sum())
            total += lse - row[y[i]]
            p = np.exp(row - lse)
            p[y[i]] -= 1.0
            p /= N
            dW2 += np.outer(r[i], p)
            db2 += p
            dz = (W2 @ p) * (z[i] > 0)
            dW1 += np.outer(X[i], dz)
            db1 += dz
        loss = total / N + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        step = learning_rate
        pick = np.random.choice(num_train, batch_size)
        for it in range(num_iters):
            Xb = X[pick]
            yb = y[pick]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            out["loss_history"].append(loss)
            for name in self.params:
                self.params[name] -= step * grads[name]
            if verbose and it % 100 == 0:
                print("iteration", it, "/", num_iters, "loss", loss)
            if it % iterations_per_epoch:
                continue
            out["train_acc_history"].append(float(np.mean(self.predict(Xb) == yb)))
            out["val_acc_history"].append(float(np.mean(self.predict(X_val) == y_val)))
            step *= learning_rate_decay
        return out

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=1)
