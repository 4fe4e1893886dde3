"""Two-layer net whose step-size sequence is generated in log space.

log alpha_{k+1} = log alpha_k + [k closes a sweep] * log gamma, so a long run
never under- or overflows the step size.  The loss is the mean negative
log-likelihood of a softmax model plus reg * (sum W1^2 + sum W2^2).
"""
import numpy as np


def logsumexp_rows(S):
    c = np.max(S, axis=1, keepdims=True)
    return np.log(np.sum(np.exp(S - c), axis=1, keepdims=True))


def step_sizes(alpha0, gamma, sweep_len):
    """Endless step-size sequence alpha_0, alpha_1, ... kept in log space."""
    log_alpha = np.log(alpha0)
    log_gamma = np.log(gamma)
    k = 0
    while True:
        yield np.exp(log_alpha)
        if k % sweep_len == 0:
            log_alpha += log_gamma
        k += 1


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = np.random.randn(input_size, hidden_size) * std
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = np.random.randn(hidden_size, output_size) * std
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ("W1", "b1", "W2", "b2")]
        z = X @ W1 + b1
        a = np.maximum(z, 0)
        s = a @ W2 + b2
        if y is None:
            return s

        n = X.shape[0]
        logp = s - logsumexp_rows(s)
        onehot = np.zeros_like(s)
        onehot[np.arange(n), y] = 1
        loss = -np.sum(onehot * logp) / n + reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        ds = (np.exp(logp) - onehot) / n
        da = ds @ W2.T
        dz = np.where(z > 0, da, 0.0)
        grads = {
            "W1": X.T @ dz + 2 * reg * W1,
            "b1": dz.sum(0),
            "W2": a.T @ ds + 2 * reg * W2,
            "b2": ds.sum(0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        T = max(num_train // batch_size, 1)
        alphas = step_sizes(learning_rate, learning_rate_decay, T)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for k in range(num_iters):
            alpha = next(alphas)
            idx = np.random.choice(num_train, batch_size)
            Xk, yk = X[idx], y[idx]
            f, g = self.loss(Xk, yk, reg)
            out["loss_history"].append(f)
            for key, val in self.params.items():
                val -= alpha * g[key]
            if verbose and k % 100 == 0:
                print("iteration %d / %d: loss %f" % (k, num_iters, f))
            if k % T == 0:
                out["train_acc_history"].append(np.mean(self.predict(Xk) == yk))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
