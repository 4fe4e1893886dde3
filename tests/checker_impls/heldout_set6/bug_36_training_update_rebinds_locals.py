import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


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
        net.params = {k: np.array(params[k], dtype=np.float64) for k in NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in NAMES)
        N = X.shape[0]
        h_lin = X @ W1 + b1
        h = np.maximum(h_lin, 0)
        scores = h @ W2 + b2
        if y is None:
            return scores

        sc = scores - scores.max(axis=1, keepdims=True)
        logp = sc - np.log(np.exp(sc).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dsc = np.exp(logp)
        dsc[np.arange(N), y] -= 1
        dsc /= N
        dh = (dsc @ W2.T) * (h_lin > 0)
        grads = {"W1": X.T @ dh + 2 * reg * W1, "b1": dh.sum(axis=0),
                 "W2": h.T @ dsc + 2 * reg * W2, "b2": dsc.sum(axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for param, grad in zip((self.params[k] for k in NAMES), (grads[k] for k in NAMES)):
                param = param - learning_rate * grad

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
