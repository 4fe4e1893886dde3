"""Two-layer net whose cross-entropy is measured in bits and reported in nats.

log2 q(c | x) = (s_c - log Z) / ln 2, the cross-entropy in bits is the average
code length -log2 q(y | x), and one bit is ln 2 nats.  The step sizes of the
whole run are tabulated before the first iterate.
"""
import numpy as np

LN2 = np.log(2.0)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (("W1", (input_size, hidden_size)),
                            ("W2", (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    def _hidden(self, X):
        pre = X @ self.params["W1"] + self.params["b1"]
        return pre, np.maximum(pre, 0.0)

    def loss(self, X, y=None, reg=0.0):
        W1, W2, b2 = self.params["W1"], self.params["W2"], self.params["b2"]
        pre, hid = self._hidden(X)
        S = hid @ W2 + b2
        if y is None:
            return S

        N, C = S.shape
        m = S.max(axis=1, keepdims=True)
        log2_Z = (m + np.log(np.exp(S - m).sum(axis=1, keepdims=True))) / LN2
        log2_Q = S / LN2 - log2_Z                     # log2 q(c | x)
        P = np.eye(C)[y]
        bits = -np.sum(P * log2_Q, axis=1).mean()     # average code length, in bits
        data = bits * LN2                             # bits -> nats
        penalty = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        Q = np.exp2(log2_Q)
        dS = (Q - P) / N
        dW2 = hid.T @ dS + 2 * reg * W2
        db2 = dS.sum(axis=0)
        dhid = dS @ W2.T
        dpre = dhid * (pre > 0)
        dW1 = X.T @ dpre + 2 * reg * W1
        db1 = dpre.sum(axis=0)
        return data + penalty, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        sweep_len = max(num_train // batch_size, 1)

        # step-size table: alpha_0 = learning_rate, multiplied by the decay after
        # every iterate that closes a sweep (k = 0, T, 2T, ...)
        alphas = []
        a = learning_rate
        for k in range(num_iters):
            alphas.append(a)
            if k % sweep_len == 0:
                a *= learning_rate_decay

        loss_history, train_acc_history, val_acc_history = [], [], []
        for k, alpha in enumerate(alphas):
            sample = np.random.choice(num_train, batch_size)
            Xs, ys = X[sample], y[sample]
            J, g = self.loss(Xs, y=ys, reg=reg)
            loss_history.append(J)
            for name in self.params:
                self.params[name] = self.params[name] - alpha * g[name]
            if verbose and k % 100 == 0:
                print("iteration %d / %d: loss %f" % (k, num_iters, J))
            if k % sweep_len == 0:
                train_acc_history.append(np.mean(self.predict(Xs) != ys))       # misclassification rate
                val_acc_history.append(np.mean(self.predict(X_val) != y_val))

        return dict(loss_history=loss_history, train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        _, hid = self._hidden(X)
        return np.argmax(hid @ self.params["W2"] + self.params["b2"], axis=1)
