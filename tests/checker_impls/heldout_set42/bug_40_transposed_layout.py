"""Two-layer net that runs both layers in the transposed, column-major layout.

Activations are kept as (features, N) arrays, so each layer is one GEMM of a weight
matrix's transpose with the C-contiguous transpose of a Fortran-ordered copy of the input;
BLAS consumes both operands without further copies.
"""

import numpy as np


class TwoLayerNet:
    """Parameters in ``self.params``: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward_T(self, X):
        """Column-major forward pass: (XT, z1T, h1T, sT), every array with N as its last axis."""
        p = self.params
        XT = np.asfortranarray(X, dtype=np.float64).T  # (D, N), C-contiguous
        z1T = p["W1"].T @ XT
        z1T += p["b1"][:, None]
        h1T = np.maximum(z1T, 0.0)
        sT = p["W2"].T @ h1T
        sT += p["b2"][:, None]
        return XT, z1T, h1T, sT

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params["W1"], self.params["W2"]
        XT, z1T, h1T, sT = self._forward_T(X)
        if y is None:
            return np.ascontiguousarray(sT.T)

        N = XT.shape[1]
        cols = np.arange(N)
        shT = sT - sT.max(axis=0)
        logpT = shT - np.log(np.exp(shT).sum(axis=0))
        data_loss = -logpT[y, cols].mean()
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss

        dsT = np.exp(logpT)
        dsT[y, cols] -= 1.0
        dsT /= N
        dW2 = h1T @ dsT.T
        dW2 += 2 * reg * W2
        db2 = dsT.sum(axis=1)
        dz1T = W2 @ dsT
        dz1T *= z1T > 0
        dW1 = XT @ dz1T.T
        dW1 += 2 * reg * W1
        db1 = dz1T.sum(axis=1)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        # One slot per epoch boundary (iteration 0 included), filled in order.
        num_epochs = (num_iters + iterations_per_epoch - 1) // iterations_per_epoch
        train_acc = np.zeros(num_epochs)
        val_acc = np.zeros(num_epochs)
        loss_history = []
        epoch = 0
        lr = learning_rate
        decayed_lr = learning_rate * learning_rate_decay

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, p in self.params.items():
                p -= lr * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc[epoch] = np.count_nonzero(self.predict(X_batch) == y_batch) / len(y_batch)
                val_acc[epoch] = np.count_nonzero(self.predict(X_val) == y_val) / len(y_val)
                epoch += 1
                lr = decayed_lr

        return {
            "loss_history": loss_history,
            "train_acc_history": list(train_acc),
            "val_acc_history": list(val_acc),
        }

    def predict(self, X):
        return np.argmax(self._forward_T(X)[3], axis=0)
