import numpy as np


def init_linear(fan_in, fan_out, std):
    weight = std * np.random.randn(fan_out, fan_in)
    bias = np.zeros(fan_out)
    return weight.T, bias


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1, b1 = init_linear(input_size, hidden_size, std)
        W2, b2 = init_linear(hidden_size, output_size, std)
        self.params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        N = X.shape[0]
        z1 = X @ W1 + b1
        a1 = np.maximum(z1, 0)
        scores = a1 @ W2 + b2
        if y is None:
            return scores
        s = scores - scores.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        ds = np.exp(logp)
        ds[np.arange(N), y] -= 1
        ds /= N
        dz1 = (ds @ W2.T) * (z1 > 0)
        return loss, {"W1": X.T @ dz1 + 2 * reg * W1, "b1": dz1.sum(axis=0),
                      "W2": a1.T @ ds + 2 * reg * W2, "b2": ds.sum(axis=0)}

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
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
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
