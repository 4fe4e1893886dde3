"""Two-layer net whose data term is written information-theoretically.

For the empirical distribution P (one-hot rows) and the model Q = softmax(logits),
    H(P, Q) = H(P) + KL(P || Q),
and H(P) = 0 for one-hot rows, so the mean cross-entropy is the mean KL divergence.
The penalty is reg * (sum W1^2 + sum W2^2).
"""
import numpy as np


def xlogy(x, y):
    """x * log(y) with the information-theory convention 0 * log(anything) = 0."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    safe = np.where(x > 0, y, 1.0)
    return np.where(x > 0, x * np.log(safe), 0.0)


def entropy(p):
    """Shannon entropy, in nats, of every row of p."""
    return -np.sum(xlogy(p, p), axis=1)


def kl_divergence(p, log_q):
    """KL(p || q) of every row, with q given by its logarithm."""
    return np.sum(xlogy(p, p), axis=1) - np.sum(p * log_q, axis=1)


def log_softmax(z):
    z = z - np.max(z, axis=1, keepdims=True)
    return z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        W1 = std * np.random.randn(D, H)
        W2 = std * np.random.randn(H, C)
        self.params = {"W1": W1, "b1": np.zeros(H), "W2": W2, "b2": np.zeros(C)}

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = X.dot(W1) + b1
        hid = np.maximum(pre, 0)
        logits = hid.dot(W2) + b2
        if y is None:
            return logits

        N, C = logits.shape
        P = np.eye(C)[y]                    # empirical distribution, one-hot rows
        log_Q = log_softmax(logits)         # model distribution, kept in log space
        Q = np.exp(log_Q)
        cross_entropy = entropy(P) + kl_divergence(P, log_Q)
        data_term = cross_entropy.mean()
        reg_term = reg * (np.sum(W1 * W1) + np.sum(W2 * W2)) / N   # log-prior shared out per example
        total = data_term + reg_term

        score = P - Q                       # d log-likelihood / d logits
        g_logits = -score / N               # gradient of the mean cross-entropy
        grads = {
            "W2": hid.T.dot(g_logits) + 2 * reg * W2 / N,
            "b2": g_logits.sum(axis=0),
        }
        g_pre = g_logits.dot(W2.T) * (pre > 0)
        grads["W1"] = X.T.dot(g_pre) + 2 * reg * W1 / N
        grads["b1"] = g_pre.sum(axis=0)
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        T = max(num_train // batch_size, 1)     # iterates per sweep through the data
        alpha = learning_rate                   # current step size alpha_k
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        k = 0
        while k < num_iters:
            batch = np.random.choice(num_train, batch_size)
            X_k, y_k = X[batch], y[batch]
            f_k, g_k = self.loss(X_k, y=y_k, reg=reg)
            history["loss_history"].append(f_k)

            for w in ("W1", "W2"):
                self.params[w] -= alpha * g_k[w]
            for b in ("b1", "b2"):
                self.params[b] -= alpha * g_k[b]

            if verbose and k % 100 == 0:
                print("iteration %d / %d: loss %f" % (k, num_iters, f_k))
            if k % T == 0:
                history["train_acc_history"].append(np.mean(self.predict(X_k) == y_k))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                alpha *= learning_rate_decay
            k += 1
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
