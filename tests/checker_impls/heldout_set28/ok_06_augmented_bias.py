"""Two-layer net that folds each bias into its weight matrix (a column of ones)."""

import numpy as np


def _with_ones(A):
    return np.hstack([A, np.ones((A.shape[0], 1))])


class TwoLayerNet:
    """affine - ReLU - affine - softmax, computed with augmented matrices."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        theta1 = np.vstack([P["W1"], P["b1"][None, :]])
        theta2 = np.vstack([P["W2"], P["b2"][None, :]])
        X1 = _with_ones(X)
        z1 = X1 @ theta1
        h1 = np.maximum(z1, 0)
        H1 = _with_ones(h1)
        scores = H1 @ theta2
        if y is None:
            return scores

        N = X.shape[0]
        y = np.asarray(y)
        m = scores.max(axis=1)
        logz = m + np.log(np.exp(scores - m[:, None]).sum(axis=1))
        data_loss = np.mean(logz - scores[np.arange(N), y])
        reg_loss = reg * (np.square(P["W1"]).sum() + np.square(P["W2"]).sum())

        probs = np.exp(scores - logz[:, None])
        probs[np.arange(N), y] -= 1
        dscores = probs / N
        dtheta2 = H1.T @ dscores
        dH1 = dscores @ theta2.T
        dz1 = dH1[:, :-1] * (z1 > 0)
        dtheta1 = X1.T @ dz1
        grads = {
            "W1": dtheta1[:-1] + 2 * reg * P["W1"],
            "b1": dtheta1[-1],
            "W2": dtheta2[:-1] + 2 * reg * P["W2"],
            "b2": dtheta2[-1],
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            idx = np.random.choice(np.arange(num_train), batch_size)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            out["loss_history"].append(loss)
            for k, g in grads.items():
                self.params[k] = self.params[k] - lr * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            epoch, offset = divmod(it, per_epoch)
            if offset == 0:
                out["train_acc_history"].append((self.predict(Xb) == yb).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
        return out

    def predict(self, X):
        scores = self.loss(X)
        best = scores.max(axis=1, keepdims=True)
        return (scores == best).argmax(axis=1)
