import numpy as np


class TwoLayerNet:
    """The two-layer net written in index notation, one einsum per sum.

    With n an example, i an input, j a hidden unit and k a class:
      z_nj = sum_i x_ni W1_ij + b1_j,   a_nj = max(0, z_nj)
      s_nk = sum_j a_nj W2_jk + b2_k
      L = (1/N) sum_n (log sum_k exp s_nk - s_{n,y_n}) + reg (sum W1^2 + sum W2^2)
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # W ~ N(0, std)
        W1 = np.sqrt(std) * np.random.randn(input_size, hidden_size)
        W2 = np.sqrt(std) * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        z = np.einsum("ni,ij->nj", X, p["W1"]) + p["b1"]
        a = np.maximum(z, 0.0)
        s = np.einsum("nj,jk->nk", a, p["W2"]) + p["b2"]
        return z, a, s

    def loss(self, X, y=None, reg=0.0):
        z, a, s = self._forward(X)
        if y is None:
            return s

        W1, W2 = self.params["W1"], self.params["W2"]
        N, C = s.shape
        Y = np.eye(C)[y]  # y_nk, one-hot
        m = s.max(axis=1, keepdims=True)
        lse = m[:, 0] + np.log(np.einsum("nk->n", np.exp(s - m)))
        data_loss = np.einsum("nk,nk->", Y, lse[:, None] - s) / N
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("jk,jk->", W2, W2))

        # delta_nk = dL/ds_nk = (p_nk - y_nk) / N
        P = np.exp(s - lse[:, None])
        delta = (P - Y) / N
        dW2 = np.einsum("nj,nk->jk", a, delta) + 2 * reg * W2
        db2 = np.einsum("nk->k", delta)
        da = np.einsum("nk,jk->nj", delta, W2)
        dz = da * (z > 0)
        dW1 = np.einsum("ni,nj->ij", X, dz) + 2 * reg * W1
        db1 = np.einsum("nj->j", dz)

        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        lr = learning_rate
        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            Xb, yb = X[sample], y[sample]

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for key, value in self.params.items():
                value -= lr * grads[key]

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                lr *= learning_rate_decay

        return dict(loss_history=loss_history,
                    train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        s = self._forward(X)[2]
        return np.argmax(s, axis=1)
