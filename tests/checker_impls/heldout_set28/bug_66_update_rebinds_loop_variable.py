"""Two-layer fully connected classifier (affine - ReLU - affine - softmax) in NumPy."""

import numpy as np


class TwoLayerNet:
    """A two-layer net whose parameters live in ``self.params`` (W1, b1, W2, b2)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]

        hidden_in = X @ W1 + b1
        hidden = np.maximum(hidden_in, 0)
        scores = hidden @ W2 + b2
        if y is None:
            return scores

        row_max = np.max(scores, axis=1, keepdims=True)
        shifted = scores - row_max
        log_norm = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        log_probs = shifted - log_norm
        rows = np.arange(N)
        data_loss = -np.sum(log_probs[rows, y]) / N
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1.0
        dscores /= N

        grads = {}
        grads["W2"] = hidden.T @ dscores + 2.0 * reg * W2
        grads["b2"] = np.sum(dscores, axis=0)
        dhidden = dscores @ W2.T
        dhidden_in = dhidden * (hidden_in > 0)
        grads["W1"] = X.T @ dhidden_in + 2.0 * reg * W1
        grads["b1"] = np.sum(dhidden_in, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            batch_idx = np.random.choice(num_train, batch_size)
            X_batch = X[batch_idx]
            y_batch = y[batch_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for key, value in self.params.items():
                value = value - learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = np.mean(self.predict(X_batch) == y_batch)
                val_acc = np.mean(self.predict(X_val) == y_val)
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
