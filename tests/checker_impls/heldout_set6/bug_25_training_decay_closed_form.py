import numpy as np


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

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        N = X.shape[0]
        h_in = X @ p["W1"] + p["b1"]
        h_out = np.maximum(h_in, 0)
        scores = h_out @ p["W2"] + p["b2"]
        if y is None:
            return scores

        sm = scores - scores.max(axis=1, keepdims=True)
        log_sm = sm - np.log(np.exp(sm).sum(axis=1, keepdims=True))
        loss = -log_sm[np.arange(N), y].mean()
        loss += reg * (np.sum(p["W1"] * p["W1"]) + np.sum(p["W2"] * p["W2"]))

        g = np.exp(log_sm)
        g[np.arange(N), y] -= 1
        g /= N
        g_h = (g @ p["W2"].T) * (h_in > 0)
        grads = {"W2": h_out.T @ g + 2 * reg * p["W2"], "b2": g.sum(axis=0),
                 "W1": X.T @ g_h + 2 * reg * p["W1"], "b1": g_h.sum(axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            epoch = it // iterations_per_epoch
            lr = learning_rate * learning_rate_decay ** epoch

            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in grads:
                self.params[k] -= lr * grads[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
