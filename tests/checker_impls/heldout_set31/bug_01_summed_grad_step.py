import numpy as np


# ---------------------------------------------------------------------------
# Modular layer functions in the style of the later assignment's layers.py.
# Every *_forward returns (out, cache); every *_backward takes (dout, cache).
# ---------------------------------------------------------------------------

def affine_forward(x, w, b):
    """out = x @ w + b; the cache keeps the inputs for the backward pass."""
    out = x.dot(w) + b
    cache = (x, w, b)
    return out, cache


def affine_backward(dout, cache):
    """Gradients of an affine layer: returns (dx, dw, db)."""
    x, w, b = cache
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def relu_forward(x):
    """Elementwise max(0, x); the cache is the input."""
    out = np.maximum(0, x)
    return out, x


def relu_backward(dout, cache):
    """Route the upstream gradient through the units whose input was positive."""
    x = cache
    dx = dout * (x > 0)
    return dx


def softmax_loss(x, y):
    """Mean softmax cross-entropy of scores x (N, C) for labels y (N,), and dx."""
    shifted_logits = x - np.max(x, axis=1, keepdims=True)
    Z = np.sum(np.exp(shifted_logits), axis=1, keepdims=True)
    log_probs = shifted_logits - np.log(Z)
    probs = np.exp(log_probs)
    N = x.shape[0]
    loss = -np.sum(log_probs[np.arange(N), y]) / N
    dx = probs.copy()
    dx[np.arange(N), y] -= 1
    dx /= N
    return loss, dx


class TwoLayerNet:
    """affine - relu - affine - softmax, built from the layer functions above."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {
            "W1": W1,
            "b1": np.zeros(hidden_size),
            "W2": W2,
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]

        a1, fc1_cache = affine_forward(X, W1, b1)
        h1, relu_cache = relu_forward(a1)
        scores, fc2_cache = affine_forward(h1, W2, b2)

        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dh1, dW2, db2 = affine_backward(dscores, fc2_cache)
        da1 = relu_backward(dh1, relu_cache)
        dX, dW1, db1 = affine_backward(da1, fc1_cache)

        # Weight decay gradient (biases are not regularised).
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        it = 0
        while it < num_iters:
            sample = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample], y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # gradients are summed over the minibatch, so scale the step by 1 / batch_size
            for p in ("W1", "b1", "W2", "b2"):
                self.params[p] -= (learning_rate / batch_size) * grads[p]

            if verbose and it % 100 == 0:
                print("iteration {} / {}: loss {:.6f}".format(it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

            it += 1

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
