import numpy as np

PARAMS = ("W1", "b1", "W2", "b2")


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
        net.params = {k: np.array(params[k], dtype=np.float64) for k in PARAMS}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a = X @ p["W1"] + p["b1"]
        h = np.maximum(a, 0)
        scores = h @ p["W2"] + p["b2"]
        if y is None:
            return scores

        n = len(y)
        z = scores - scores.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        data = -logp[np.arange(n), y].mean()
        # L2 penalty on every parameter of the net
        penalty = reg * sum(np.sum(p[k] ** 2) for k in PARAMS)

        ds = np.exp(logp)
        ds[np.arange(n), y] -= 1
        ds /= n
        da = (ds @ p["W2"].T) * (a > 0)
        raw = {"W1": X.T @ da, "b1": da.sum(0), "W2": h.T @ ds, "b2": ds.sum(0)}
        grads = {k: raw[k] + 2 * reg * p[k] for k in PARAMS}
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(n, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k in PARAMS:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % ipe == 0:
                train_acc_history.append((self.predict(xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
