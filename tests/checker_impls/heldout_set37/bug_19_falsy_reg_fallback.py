import numpy as np


def affine_forward(x, w, b):
    """out = x w + b, and what the backward pass needs."""
    out = x.dot(w) + b
    return out, (x, w)


def affine_backward(dout, cache):
    """Gradients of an affine layer: (dx, dw, db)."""
    x, w = cache
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = dout.sum(axis=0)
    return dx, dw, db


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, x):
    return dout * (x > 0)


def softmax_loss(scores, y):
    """Mean softmax cross-entropy of integer labels y, and d loss / d scores."""
    N = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.mean(log_probs[np.arange(N), y])
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1
    dscores /= N
    return loss, dscores


def l2_penalty(weights, reg):
    """reg * the sum of squared entries of the weights, and each weight's gradient."""
    loss = reg * sum(np.sum(w * w) for w in weights)
    grads = [2 * reg * w for w in weights]
    return loss, grads


def sample_batch(X, y, batch_size):
    """A minibatch drawn with replacement."""
    idx = np.random.choice(X.shape[0], batch_size)
    return X[idx], y[idx]


def accuracy(y_pred, y_true):
    return np.mean(y_pred == y_true)


class TwoLayerNet:
    """Two-layer net built from small layer helpers (affine, ReLU, softmax)."""

    PARAM_NAMES = ("W1", "b1", "W2", "b2")

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
        net.params = {k: np.array(params[k], dtype=np.float64) for k in cls.PARAM_NAMES}
        return net

    def loss(self, X, y=None, reg=None):
        if not reg:
            reg = 5e-6  # no strength given: use the same default as train()
        p = self.params
        X = np.asarray(X, dtype=np.float64)
        a1, cache1 = affine_forward(X, p["W1"], p["b1"])
        h1, cache_relu = relu_forward(a1)
        scores, cache2 = affine_forward(h1, p["W2"], p["b2"])
        if y is None:
            return scores

        y = np.asarray(y)
        data_loss, dscores = softmax_loss(scores, y)
        reg_loss, (dW1_reg, dW2_reg) = l2_penalty((p["W1"], p["W2"]), reg)
        loss = data_loss + reg_loss

        grads = {}
        dh1, grads["W2"], grads["b2"] = affine_backward(dscores, cache2)
        da1 = relu_backward(dh1, cache_relu)
        _, grads["W1"], grads["b1"] = affine_backward(da1, cache1)
        grads["W1"] += dW1_reg
        grads["W2"] += dW2_reg
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            X_batch, y_batch = sample_batch(X, y, batch_size)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.PARAM_NAMES:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(self.predict(X_batch), y_batch))
                val_acc_history.append(accuracy(self.predict(X_val), y_val))
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
