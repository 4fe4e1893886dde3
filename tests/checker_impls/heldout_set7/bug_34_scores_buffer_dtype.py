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

    def _forward(self, X):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        pre = np.empty((N, W1.shape[1]))
        hidden = np.empty((N, W1.shape[1]))
        scores = np.zeros_like(X, shape=(N, W2.shape[1]))
        for i, x in enumerate(X):
            pre[i] = x @ W1 + b1
            hidden[i] = np.maximum(pre[i], 0)
            scores[i] = hidden[i] @ W2 + b2
        return pre, hidden, scores

    def loss(self, X, y=None, reg=0.0):
        pre, hidden, scores = self._forward(X)
        if y is None:
            return scores
        W1, W2 = self.params["W1"], self.params["W2"]
        N = X.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dscores = np.exp(logp)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dpre = (dscores @ W2.T) * (pre > 0)
        return loss, {"W1": X.T @ dpre + 2 * reg * W1, "b1": dpre.sum(axis=0),
                      "W2": hidden.T @ dscores + 2 * reg * W2, "b2": dscores.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        plan = [np.random.choice(num_train, batch_size) for _ in range(num_iters)]
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        for it, idx in enumerate(plan):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ("W1", "b1", "W2", "b2"):
                np.subtract(self.params[name], lr * grads[name], out=self.params[name])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch:
                continue
            train_acc_history.append(float(np.mean(self.predict(X_batch) == y_batch)))
            val_acc_history.append(float(np.mean(self.predict(X_val) == y_val)))
            lr *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
