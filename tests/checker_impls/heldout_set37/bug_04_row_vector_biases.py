import numpy as np


class TwoLayerNet:
    """A two-layer fully connected net: affine - ReLU - affine - softmax.

    Written defensively: every public method converts and checks its inputs
    before using them, so lists, integer arrays and single rows all work.

    Parameters (in ``self.params``):
    - W1: (D, H) first layer weights, b1: (H,) first layer biases
    - W2: (H, C) second layer weights, b2: (C,) second layer biases
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        input_size, hidden_size, output_size = int(input_size), int(hidden_size), int(output_size)
        if min(input_size, hidden_size, output_size) <= 0:
            raise ValueError("layer sizes must be positive")
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros((1, hidden_size))  # row vector: broadcasts over the batch
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros((1, output_size))

    @classmethod
    def from_params(cls, params):
        """A net holding float64 copies of the given W1, b1, W2, b2."""
        net = cls.__new__(cls)
        net.params = {}
        for name in ("W1", "b1", "W2", "b2"):
            net.params[name] = np.array(params[name], dtype=np.float64)
        return net

    @staticmethod
    def _as_batch(X):
        """X as a float64 (N, D) array; a single row becomes a batch of one."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim == 1:
            X = X[np.newaxis, :]
        elif X.ndim > 2:
            X = X.reshape(X.shape[0], -1)
        return X

    def loss(self, X, y=None, reg=0.0):
        """Scores (y is None), or (loss, grads) for labels y and L2 strength reg."""
        X = self._as_batch(X)
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        reg = float(reg)

        # forward pass
        z1 = X.dot(W1) + b1
        h1 = np.maximum(0.0, z1)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores

        y = np.asarray(y, dtype=np.int64).ravel()
        if y.shape[0] != N:
            raise ValueError("X has %d rows but y has %d labels" % (N, y.shape[0]))

        # softmax cross-entropy, shifted for stability
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(shifted)
        sum_exp = np.sum(exp_scores, axis=1, keepdims=True)
        probs = exp_scores / sum_exp
        rows = np.arange(N)
        correct_logprobs = np.log(sum_exp[:, 0]) - shifted[rows, y]
        data_loss = np.sum(correct_logprobs) / N
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss

        # backward pass
        dscores = probs.copy()
        dscores[rows, y] -= 1.0
        dscores /= N

        grads = {}
        grads["W2"] = h1.T.dot(dscores) + 2.0 * reg * W2
        grads["b2"] = np.sum(dscores, axis=0)
        dh1 = dscores.dot(W2.T)
        dz1 = dh1 * (z1 > 0)
        grads["W1"] = X.T.dot(dz1) + 2.0 * reg * W1
        grads["b1"] = np.sum(dz1, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD; the rate decays once per epoch. Returns the histories."""
        X = self._as_batch(X)
        y = np.asarray(y).ravel()
        X_val = self._as_batch(X_val)
        y_val = np.asarray(y_val).ravel()
        num_train = X.shape[0]
        if num_train == 0:
            raise ValueError("no training data")
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

            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * grads[name]

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
        """The highest-scoring class of each row of X."""
        scores = self.loss(self._as_batch(X))
        return np.argmax(scores, axis=1)
