import numpy as np


def with_bias_column(A):
    """Append a column of ones so a bias can be folded into the weight matrix."""
    return np.hstack([A, np.ones((A.shape[0], 1))])


class TwoLayerNet:
    """Two-layer net that folds each bias into an augmented weight matrix
    (the "bias trick" from the linear-classifier notes)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {key: np.array(params[key], dtype=np.float64) for key in ("W1", "b1", "W2", "b2")}
        return net

    def _augmented(self):
        p = self.params
        W1a = np.vstack([p["W1"], p["b1"][None, :]])  # (D + 1, H)
        W2a = np.vstack([p["W2"], p["b2"][None, :]])  # (H + 1, C)
        return W1a, W2a

    def loss(self, X, y=None, reg=0.0):
        W1a, W2a = self._augmented()
        Xa = with_bias_column(X)
        z1 = Xa @ W1a
        h1a = with_bias_column(np.maximum(z1, 0))
        scores = h1a @ W2a
        if y is None:
            return scores

        N = X.shape[0]
        W1, W2 = self.params["W1"], self.params["W2"]
        shift = scores - scores.max(axis=1, keepdims=True)
        log_probs = shift - np.log(np.exp(shift).sum(axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(N), y]) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N

        dW2a = h1a.T @ dscores  # last row is the bias gradient
        dh1 = dscores @ W2a[:-1].T
        dz1 = dh1 * (z1 > 0)
        dW1a = Xa.T @ dz1

        grads = {
            "W1": dW1a[:-1] + 2 * reg * W1,
            "b1": dW1a[-1],
            "W2": dW2a[:-1] + 2 * reg * W2,
            "b2": dW2a[-1],
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            # Layer-wise learning-rate decay (as in BERT fine-tuning recipes): the
            # layer closer to the input gets learning_rate * learning_rate_decay.
            depth = {"W1": 1, "b1": 1, "W2": 0, "b2": 0}
            for key in self.params:
                self.params[key] -= learning_rate * learning_rate_decay ** depth[key] * grads[key]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            epoch_boundary = it % iterations_per_epoch == 0
            if epoch_boundary:
                train_acc_history.append(float(np.mean(self.predict(X_batch) == y_batch)))
                val_acc_history.append(float(np.mean(self.predict(X_val) == y_val)))
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
