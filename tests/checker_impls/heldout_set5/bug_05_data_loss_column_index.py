import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = len(X)

        a1 = X @ W1 + b1
        h1 = a1 * (a1 > 0)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        scores_shift = scores - scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(scores_shift).sum(axis=1, keepdims=True))
        log_probs = scores_shift - log_norm
        loss = -log_probs[:, y].mean()
        loss += reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        probs = np.exp(log_probs)
        probs[range(N), y] -= 1.0
        dscores = probs / N
        dW2 = h1.T @ dscores + 2.0 * reg * W2
        db2 = dscores.sum(0)
        dh1 = dscores @ W2.T
        da1 = dh1 * (a1 > 0)
        dW1 = X.T @ da1 + 2.0 * reg * W1
        db1 = da1.sum(0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        lr = learning_rate
        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[sample], y[sample]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for p in ("W1", "b1", "W2", "b2"):
                self.params[p] -= lr * grads[p]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
