import numpy as np


class TwoLayerNet:
    """All parameters live in one flat float64 vector; self.params holds views into it.

    Layout of the vector: W1 (D*H), W2 (H*C), b1 (H), b2 (C). W1 and W2 come first so that a
    single np.random.randn call fills both, W1's entries first, exactly as two calls would.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = int(input_size), int(hidden_size), int(output_size)
        theta = np.zeros(D * H + H * C + H + C)
        theta[:D * H + H * C] = std * np.random.randn(D * H + H * C)
        self._bind(theta, D, H, C)

    def _bind(self, theta, D, H, C):
        self._theta = theta
        self._shape = (D, H, C)
        a, b, c = D * H, D * H + H * C, D * H + H * C + H
        self.params = {
            "W1": theta[:a].reshape(D, H),
            "b1": theta[b:c],
            "W2": theta[a:b].reshape(H, C),
            "b2": theta[c:],
        }

    @classmethod
    def from_params(cls, params):
        W1 = np.array(params["W1"], dtype=np.float64)
        W2 = np.array(params["W2"], dtype=np.float64)
        b1 = np.array(params["b1"], dtype=np.float64).ravel()
        b2 = np.array(params["b2"], dtype=np.float64).ravel()
        D, H = W1.shape
        C = W2.shape[1]
        net = cls.__new__(cls)
        net._bind(np.concatenate([W1.ravel(), W2.ravel(), b1, b2]), D, H, C)
        return net

    def _flat(self, grads):
        return np.concatenate([grads["W1"].ravel(), grads["W2"].ravel(), grads["b1"], grads["b2"]])

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        X = np.asarray(X, dtype=np.float64)
        N = len(X)
        z1 = np.dot(X, p["W1"]) + p["b1"]
        h1 = z1.clip(min=0)
        scores = np.dot(h1, p["W2"]) + p["b2"]
        if y is None:
            return scores

        y = np.asarray(y)
        shifted = scores - scores.max(axis=1, keepdims=True)
        lse = np.log(np.exp(shifted).sum(axis=1))
        picked = np.take_along_axis(shifted, y.reshape(-1, 1), axis=1).ravel()
        data_loss = np.mean(lse - picked)
        W = self._theta[:self._shape[0] * self._shape[1] + self._shape[1] * self._shape[2]]
        loss = data_loss + reg * np.dot(W, W)

        d = np.exp(shifted - lse[:, None])
        np.put_along_axis(d, y.reshape(-1, 1), np.take_along_axis(d, y.reshape(-1, 1), axis=1) - 1, axis=1)
        d /= N
        dh1 = d.dot(p["W2"].T)
        dz1 = dh1 * (z1 > 0)
        grads = {
            "W1": X.T.dot(dz1) + 2 * reg * p["W1"],
            "b1": dz1.sum(0),
            "W2": h1.T.dot(d) + 2 * reg * p["W2"],
            "b2": d.sum(0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            # randint(n, size=k) is how np.random.choice(n, k) draws its indices
            idx = np.random.randint(num_train, size=batch_size)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, yb, reg)
            out["loss_history"].append(loss)
            self._theta -= learning_rate * self._flat(grads)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                out["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return self.loss(X).argmax(1)
