import numpy as np

_rng = np.random.default_rng(0)


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

    @staticmethod
    def _log_softmax(scores):
        top = np.max(scores, axis=1, keepdims=True)
        return scores - top - np.log(np.sum(np.exp(scores - top), axis=1, keepdims=True))

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        n = len(X)
        hidden_in = X @ W1 + b1
        hidden_out = np.maximum(hidden_in, 0)
        scores = hidden_out @ W2 + b2
        if y is None:
            return scores

        log_p = self._log_softmax(scores)
        loss = -np.mean(log_p[np.arange(n), y]) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        d_scores = np.exp(log_p)
        d_scores[np.arange(n), y] -= 1
        d_scores /= n
        d_hidden = (d_scores @ W2.T) * (hidden_in > 0)
        return loss, {"W1": X.T @ d_hidden + 2 * reg * W1, "b1": d_hidden.sum(axis=0),
                      "W2": hidden_out.T @ d_scores + 2 * reg * W2, "b2": d_scores.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = _rng.integers(0, num_train, size=batch_size)
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
