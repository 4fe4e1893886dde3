"""The notebook's two-layer fully connected network, in NumPy (float64).

Architecture: input - fully connected - ReLU - fully connected - softmax.
Loss: mean softmax cross-entropy + reg * (sum(W1**2) + sum(W2**2)).
"""

import numpy as np


class TwoLayerNet:
    """A two-layer net with a handwritten backward pass.

    The parameters live in ``self.params``:
    - W1: first layer weights, (D, H)
    - b1: first layer biases, (H,)
    - W2: second layer weights, (H, C)
    - b2: second layer biases, (C,)
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """Draw W1 and then W2 from ``std * np.random.randn`` (NumPy's global RNG); zero biases.

        Inputs:
        - input_size: D, the dimension of the inputs.
        - hidden_size: H, the number of hidden units.
        - output_size: C, the number of classes.
        - std: the standard deviation of the initial weights.
        """
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        """Scores, or the loss and its gradients.

        Inputs:
        - X: input data, (N, D).
        - y: integer labels, (N,), each in [0, C); None for scores only.
        - reg: L2 regularisation strength.

        Returns:
        - if y is None: scores, (N, C), where scores[i, c] is the score of class c for X[i];
        - else (loss, grads): the loss, a float, and a dict of gradients with the
          keys and shapes of ``self.params``.
        """
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]

        # Forward pass, one layer at a time.
        z1 = X.dot(W1) + b1  # (N, H) affine
        h1 = np.maximum(0, z1)  # (N, H) ReLU
        scores = h1.dot(W2) + b2  # (N, C) affine
        if y is None:
            return scores

        # Softmax cross-entropy, shifted by the row maximum for numerical stability.
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -log_probs[np.arange(N), y].mean()
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss

        # Backward pass, mirroring the forward pass in reverse.
        dscores = np.exp(log_probs)  # softmax probabilities
        dscores[np.arange(N), y] -= 1
        dscores /= N  # (N, C) d loss / d scores

        dW2 = h1.T.dot(dscores) + 2 * reg * W2  # (H, C)
        db2 = dscores.sum(axis=0)  # (C,)
        dh1 = dscores.dot(W2.T)  # (N, H)

        dz1 = dh1 * (z1 > 0)  # ReLU passes gradient only where its input was positive
        dW1 = X.T.dot(dz1) + 2 * reg * W1  # (D, H)
        db1 = dz1.sum(axis=0)  # (H,)

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD with per-epoch exponential learning-rate decay.

        Each iteration draws ``np.random.choice(num_train, batch_size)`` (with replacement)
        from NumPy's global RNG. At every epoch boundary (``it % iterations_per_epoch == 0``,
        iteration 0 included), after that iteration's update, it records the accuracy on the
        current minibatch and on the validation set, then multiplies the learning rate by
        ``learning_rate_decay``.

        Inputs:
        - X: training data, (N, D).
        - y: training labels, (N,), each in [0, C).
        - X_val: validation data, (N_val, D).
        - y_val: validation labels, (N_val,).
        - learning_rate: the initial SGD step size.
        - learning_rate_decay: the factor applied to the rate after each epoch.
        - reg: L2 regularisation strength.
        - num_iters: number of SGD steps.
        - batch_size: examples per step.
        - verbose: print the loss every 100 iterations.

        Returns a dict with
        - loss_history: the minibatch loss of every iteration, (num_iters,);
        - train_acc_history, val_acc_history: one accuracy per epoch boundary.
        """
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        """Predicted labels, (N,): the index of each row's highest score (first on ties).

        Inputs:
        - X: input data, (N, D).
        """
        return np.argmax(self.loss(X), axis=1)
