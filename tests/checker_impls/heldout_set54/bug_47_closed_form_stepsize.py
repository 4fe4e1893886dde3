"""Two-layer net trained with a closed-form step-size sequence.

The per-example loss is written as log-partition minus the label's score,
-log q(y | x) = log Z(x) - s_y(x).  The step size of iterate k is

    alpha_k = alpha_0 * gamma ** ceil(k / T),

T iterates per sweep: the rate drops right after iterates 0, T, 2T, ...
"""
import numpy as np


def _lse(S):
    """Row-wise log-sum-exp, stabilised by the row maximum."""
    m = S.max(axis=1)
    return m + np.log(np.exp(S - m[:, None]).sum(axis=1))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {"W1": np.random.normal(0.0, std, size=(input_size, hidden_size))}
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = np.random.normal(0.0, std, size=(hidden_size, output_size))
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        Z1 = np.dot(X, p["W1"]) + p["b1"]
        A1 = np.where(Z1 > 0, Z1, 0.0)
        S = np.dot(A1, p["W2"]) + p["b2"]
        if y is None:
            return S

        N = S.shape[0]
        rows = np.arange(N)
        log_Z = _lse(S)                               # log-partition function per example
        nll = np.mean(log_Z - S[rows, y])             # -log q(y|x) = log Z - s_y
        reg_term = reg * (np.linalg.norm(p["W1"]) ** 2 + np.linalg.norm(p["W2"]) ** 2)

        Q = np.exp(S - log_Z[:, None])
        Q[rows, y] -= 1.0
        dS = Q / N
        dA1 = np.dot(dS, p["W2"].T)
        dZ1 = np.where(Z1 > 0, dA1, 0.0)
        grads = {
            "W1": np.dot(X.T, dZ1) + 2 * reg * p["W1"],
            "b1": np.sum(dZ1, axis=0),
            "W2": np.dot(A1.T, dS) + 2 * reg * p["W2"],
            "b2": np.sum(dS, axis=0),
        }
        return nll + reg_term, grads

    @staticmethod
    def _step_size(k, alpha0, gamma, T):
        """alpha_k = alpha0 * gamma ** ceil(k / T), with integer ceil."""
        return alpha0 * gamma ** (-(-k // T))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        T = max(num_train // batch_size, 1)
        alpha0 = learning_rate
        loss_history, train_acc_history, val_acc_history = [], [], []

        idx = np.random.choice(num_train, batch_size)
        Xk, yk = X[idx], y[idx]
        for k in range(num_iters):
            fk, gk = self.loss(Xk, y=yk, reg=reg)
            loss_history.append(fk)
            alpha_k = self._step_size(k, alpha0, learning_rate_decay, T)
            for name in self.params:
                self.params[name] -= alpha_k * gk[name]
            if verbose and k % 100 == 0:
                print("iteration %d / %d: loss %f" % (k, num_iters, fk))
            if k % T == 0:
                train_acc_history.append(np.mean(self.predict(Xk) == yk))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
