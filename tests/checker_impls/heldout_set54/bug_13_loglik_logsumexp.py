"""Two-layer net written as a conditional log-likelihood model.

    p(y | x; theta) = softmax(f(x; theta))_y,   f = affine -> ReLU -> affine.

The objective is the average negative log-likelihood of the labels plus a
Gaussian log-prior on the weights, -log p(W) = reg * (||W1||_F^2 + ||W2||_F^2)
up to a constant (no 0.5 factor).  Training is plain SGD: one iterate per
minibatch, the step size multiplied by the decay at the end of every sweep.
"""
import numpy as np


def logsumexp(a, axis=None, keepdims=False):
    """log(sum(exp(a))) along ``axis``, shifted by the maximum for stability."""
    m = np.max(a, axis=axis, keepdims=True)
    out = m + np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True))
    if not keepdims:
        out = np.squeeze(out, axis=axis)
    return out


class TwoLayerNet:
    """affine -> ReLU -> affine -> softmax, parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def _forward(self, X):
        p = self.params
        a1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(a1, 0.0)
        f = h1 @ p["W2"] + p["b2"]
        return a1, h1, f

    def loss(self, X, y=None, reg=0.0):
        a1, h1, f = self._forward(X)
        if y is None:
            return f

        N = X.shape[0]
        W1, W2 = self.params["W1"], self.params["W2"]
        log_norm = logsumexp(f, axis=1, keepdims=True)
        log_lik = f - log_norm                        # log p(c | x_i) for every c
        nll = np.mean(log_lik[np.arange(N), y])       # average log-likelihood of the labels
        log_prior = -reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))  # Gaussian, up to a constant
        J = nll - log_prior                           # negative log-posterior

        # d(-log p(y | x)) / df = posterior - one-hot(y)
        posterior = np.exp(log_lik)
        Y = np.zeros_like(posterior)
        Y[np.arange(N), y] = 1.0
        residual = (posterior - Y) / N

        grads = {}
        grads["W2"] = h1.T @ residual + 2.0 * reg * W2
        grads["b2"] = residual.sum(axis=0)
        back = residual @ W2.T
        back = back * (a1 > 0)
        grads["W1"] = X.T @ back + 2.0 * reg * W1
        grads["b1"] = back.sum(axis=0)
        return J, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        sweep_len = max(num_train // batch_size, 1)   # iterates per sweep through the data
        step = learning_rate

        loss_history, train_acc_history, val_acc_history = [], [], []
        for k in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            Xb, yb = X[idx], y[idx]

            J, g = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(J)
            for name, theta in self.params.items():
                theta -= step * g[name]               # in-place: theta_{k+1} = theta_k - step * g_k

            if verbose and k % 100 == 0:
                print("iteration %d / %d: loss %f" % (k, num_iters, J))

            if k % sweep_len == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                step *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
