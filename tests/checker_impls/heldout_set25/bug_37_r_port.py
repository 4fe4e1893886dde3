import numpy as np

# Helpers named after the R functions the original script used.


def crossprod(a, b):
    """t(a) %*% b"""
    return a.T @ b


def tcrossprod(a, b):
    """a %*% t(b)"""
    return a @ b.T


def col_sums(m):
    return m.sum(axis=0)


def row_max(m):
    return m.max(axis=1, keepdims=True)


def sweep_minus(m, stats):
    """sweep(m, 1, stats, "-"): subtract a per-row statistic."""
    return m - stats


class TwoLayerNet:
    """Two-layer neural network (translated from an R implementation)."""

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
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        N = X.shape[0]
        C = W2.shape[1]

        z = X @ W1 + b1
        h = np.maximum(z, 0)
        S = h @ W2 + b2
        if y is None:
            return S

        # model.matrix(~ factor(y, levels = 0:(C-1)) - 1)
        Y = (np.asarray(y)[:, None] == np.arange(C)[None, :]).astype(float)

        S0 = sweep_minus(S, row_max(S))
        logP = sweep_minus(S0, np.log(np.exp(S0).sum(axis=1, keepdims=True)))
        P = np.exp(logP)
        data_loss = -np.sum(Y * logP) / N
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss

        delta_out = (P - Y) / N
        dW2 = crossprod(h, delta_out) + 2 * reg * W2
        db2 = col_sums(delta_out)
        delta_hid = tcrossprod(delta_out, W2) * (z > 0)
        dW1 = crossprod(X, delta_hid) + 2 * reg * W1
        db1 = col_sums(delta_hid)

        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        lr = learning_rate
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        # for (it in seq_len(num_iters)) { ... }  -- kept 1-based as in the R code
        for it in range(1, num_iters + 1):
            if (it - 1) % ipe == 0:
                lr = lr * learning_rate_decay

            rows = np.random.choice(n, batch_size)
            Xb = X[rows]
            yb = y[rows]

            out = self.loss(Xb, yb, reg=reg)
            loss_history.append(out[0])
            for k in self.params:
                self.params[k] = self.params[k] - lr * out[1][k]

            if verbose and (it - 1) % 100 == 0:
                print("iteration %d / %d: loss %f" % (it - 1, num_iters, out[0]))

            if (it - 1) % ipe == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        S = self.loss(X)
        return S.argmax(axis=1)
