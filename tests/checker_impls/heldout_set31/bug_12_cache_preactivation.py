import numpy as np


def softmax_cross_entropy(logits, labels):
    """Mean softmax cross-entropy and its gradient with respect to the logits.

    Args:
        logits: (N, C) array of unnormalised class scores.
        labels: (N,) array of integer class indices.

    Returns:
        A tuple (loss, dlogits): the mean loss over the batch (a float) and
        the (N, C) gradient of that mean with respect to ``logits``.
    """
    n = logits.shape[0]
    # Subtract the row max before exponentiating (log-sum-exp trick).
    shifted = logits - np.max(logits, axis=1, keepdims=True)
    log_z = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    log_probs = shifted - log_z
    loss = -np.mean(log_probs[np.arange(n), labels])
    dlogits = np.exp(log_probs)
    dlogits[np.arange(n), labels] -= 1.0
    dlogits /= n
    return loss, dlogits


def l2_penalty(weights, reg):
    """L2 weight penalty ``reg * sum(w ** 2)`` over a list of weight matrices.

    Returns the penalty value and the list of its gradients (one per matrix).
    """
    value = reg * sum(np.sum(w * w) for w in weights)
    grads = [2.0 * reg * w for w in weights]
    return value, grads


class TwoLayerNet:
    """A two-layer fully connected network: affine -> ReLU -> affine -> softmax.

    Parameters are stored in ``self.params`` under the keys W1 (D, H), b1 (H,),
    W2 (H, C) and b2 (C,).
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """Initialise weights with small Gaussian noise and biases with zeros."""
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        """Build a network holding float64 copies of the given parameters."""
        net = cls.__new__(cls)
        net.params = {}
        for name in ("W1", "b1", "W2", "b2"):
            net.params[name] = np.array(params[name], dtype=np.float64)
        return net

    def _forward(self, X):
        """Run the forward pass and return the scores plus a cache for backprop."""
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        hidden_pre = X @ W1 + b1
        hidden = np.maximum(hidden_pre, 0.0)
        scores = hidden @ W2 + b2
        return scores, (X, hidden_pre, hidden)

    def loss(self, X, y=None, reg=0.0):
        """Compute class scores, or the regularised loss and its gradients.

        If ``y`` is None the (N, C) score matrix is returned; otherwise a tuple
        ``(loss, grads)`` where ``grads`` mirrors ``self.params``.
        """
        scores, (X, hidden_pre, hidden) = self._forward(X)
        if y is None:
            return scores

        data_loss, dscores = softmax_cross_entropy(scores, y)
        reg_loss, (dW1_reg, dW2_reg) = l2_penalty([self.params["W1"], self.params["W2"]], reg)
        loss = data_loss + reg_loss

        grads = {}
        # Second layer.
        grads["W2"] = hidden_pre.T @ dscores + dW2_reg
        grads["b2"] = np.sum(dscores, axis=0)
        # Back through the ReLU.
        dhidden = dscores @ self.params["W2"].T
        dhidden_pre = dhidden * (hidden_pre > 0)
        # First layer.
        grads["W1"] = X.T @ dhidden_pre + dW1_reg
        grads["b1"] = np.sum(dhidden_pre, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Train with minibatch SGD and a per-epoch exponential learning-rate decay.

        Returns a dict with ``loss_history`` (one entry per iteration) and
        ``train_acc_history`` / ``val_acc_history`` (one entry per epoch).
        """
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            # Sample a minibatch with replacement.
            batch_idx = np.random.choice(num_train, batch_size)
            X_batch = X[batch_idx]
            y_batch = y[batch_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # Vanilla SGD step, in place.
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            # Once per epoch: record accuracies and decay the learning rate.
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
        """Return the predicted class (argmax of the scores) for every row of X."""
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
