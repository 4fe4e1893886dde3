import numpy as np


class TwoLayerNet:
    """A two-layer fully connected network: affine - ReLU - affine - softmax.

    Parameters live in self.params: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        """Return the scores (N, C) if y is None, else (loss, grads)."""
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N, D = X.shape

        # forward pass
        z1 = X.dot(W1) + b1
        h1 = np.maximum(0, z1)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores

        # softmax cross-entropy
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(shifted)
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)
        data_loss = -np.sum(np.log(probs[np.arange(N), y])) / N
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss

        # backward pass
        grads = {}
        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N

        grads["W2"] = h1.T.dot(dscores) + 2 * reg * W2
        grads["b2"] = np.sum(dscores, axis=0)

        dh1 = dscores.dot(W2.T)
        dz1 = dh1 * (z1 > 0)
        grads["W1"] = X.T.dot(dz1) + 2 * reg * W1
        grads["b1"] = np.sum(dz1, axis=0)

        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD; returns loss_history, train_acc_history, val_acc_history."""
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

            for param_name in self.params:
                fan_in = self.params["W" + param_name[-1]].shape[0]
                self.params[param_name] -= learning_rate / fan_in * grads[param_name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        """Predicted labels (N,)."""
        scores = self.loss(X)
        y_pred = np.argmax(scores, axis=1)
        return y_pred
