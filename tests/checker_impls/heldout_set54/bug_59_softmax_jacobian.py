"""Two-layer net with the backward pass written as explicit Jacobians.

    A = X W1 + b1,  H = relu(A),  S = H W2 + b2,  log q = log_softmax(S).

Every step of the chain rule contracts an upstream gradient with a Jacobian
(batched with einsum); weight gradients are sums of outer products.
"""
import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = np.random.randn
        self.params = {
            "W1": std * draw(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * draw(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @staticmethod
    def _log_softmax(S, axis=1):
        Z = S - S.max(axis=axis, keepdims=True)
        return Z - np.log(np.exp(Z).sum(axis=axis, keepdims=True))

    def _scores(self, X):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        A = np.einsum("nd,dh->nh", X, W1) + b1
        H = np.maximum(A, 0.0)
        S = np.einsum("nh,hc->nc", H, W2) + b2
        return A, H, S

    def loss(self, X, y=None, reg=0.0):
        A, H, S = self._scores(X)
        if y is None:
            return S

        W1, W2 = self.params["W1"], self.params["W2"]
        N, C = S.shape
        P = np.zeros((N, C))
        P[np.arange(N), y] = 1.0                      # one-hot targets
        logQ = self._log_softmax(S)
        Q = np.exp(logQ)
        data = -np.einsum("nc,nc->", P, logQ) / N
        penalty = reg * (np.einsum("dh,dh->", W1, W1) + np.einsum("hc,hc->", W2, W2))
        loss = data + penalty

        # Jacobian of log-softmax: J[n, k, j] = d logQ[n, k] / d S[n, j] = delta_kj - Q[n, j]
        J = np.eye(C)[None, :, :] - Q[:, None, :]
        dlogQ = -P / N                                 # d loss / d logQ
        dS = np.einsum("nk,nkj->nj", dlogQ, J)         # vector-Jacobian product
        dW2 = np.einsum("nh,nc->hc", H, dS) + 2 * reg * W2   # sum_n outer(H[n], dS[n])
        db2 = dS.sum(axis=0)
        dH = np.einsum("nc,hc->nh", dS, W2)            # dS/dH = W2^T, contracted
        dA = dH * (A > 0)                              # diagonal ReLU Jacobian
        dW1 = np.einsum("nd,nh->dh", X, dA) + 2 * reg * W1
        db1 = dA.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        per_sweep = max(N // batch_size, 1)
        eta = learning_rate
        losses, train_accs, val_accs = [], [], []

        for t in range(num_iters):
            draw = np.random.choice(N, batch_size, replace=True)
            Xt, yt = X[draw], y[draw]
            f, grad = self.loss(Xt, y=yt, reg=reg)
            losses.append(f)
            self.params = {k: v - eta * (grad[k] + 2 * reg * v) for k, v in self.params.items()}

            if verbose and t % 100 == 0:
                print("iteration %d / %d: loss %f" % (t, num_iters, f))
            if t % per_sweep == 0:
                train_accs.append(float(np.mean(self.predict(Xt) == yt)))
                val_accs.append(float(np.mean(self.predict(X_val) == y_val)))
                eta = eta * learning_rate_decay

        return {"loss_history": losses, "train_acc_history": train_accs,
                "val_acc_history": val_accs}

    def predict(self, X):
        S = self.loss(X)
        Q = np.exp(self._log_softmax(S))              # posterior class probabilities
        return np.argmax(Q, axis=1)
