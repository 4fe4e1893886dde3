import numpy as np


def _forward_columns(params, X):
    """Forward pass in column layout (one example per column), as in the MATLAB original."""
    Xt = X.T                                                  # (D, N)
    Z1 = params["W1"].T @ Xt + params["b1"][:, None]          # (H, N)
    A1 = np.maximum(Z1, 0)                                    # (H, N)
    S = params["W2"].T @ A1 + params["b2"][:, None]           # (C, N)
    return Z1, A1, S


def _softmax_columns(S):
    E = np.exp(S - S.max(axis=0))
    return E / E.sum(axis=0)


def _log_softmax_columns(S):
    shifted = S - S.max(axis=0)
    return shifted - np.log(np.exp(shifted).sum(axis=0))


class TwoLayerNet:
    """Two-layer net ported from MATLAB: column-major examples, functional helpers, closures."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size)))
        self.params = {}
        for name, shape in shapes:
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {key: np.array(params[key], dtype=np.float64) for key in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        Z1, A1, S = _forward_columns(self.params, X)
        if y is None:
            return S.T

        W1, W2 = self.params["W1"], self.params["W2"]
        C, N = S.shape
        cols = np.arange(N)
        Y = np.zeros((C, N))
        Y[y - 1, cols] = 1.0
        logP = _log_softmax_columns(S)
        data_loss = -np.sum(Y * logP) / N
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dS = (_softmax_columns(S) - Y) / N        # (C, N)
        dW2 = A1 @ dS.T + 2 * reg * W2             # (H, C)
        db2 = dS.sum(axis=1)                       # (C,)
        dA1 = W2 @ dS                              # (H, N)
        dZ1 = dA1 * (Z1 > 0)                       # (H, N)
        dW1 = X.T @ dZ1.T + 2 * reg * W1           # (D, H)
        db1 = dZ1.sum(axis=1)                      # (H,)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        state = {"lr": learning_rate}

        def draw():
            idx = np.random.choice(num_train, batch_size)
            return X[idx], y[idx]

        def step(grads):
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= state["lr"] * grads[name]

        def accuracy(Xs, ys):
            return np.mean(self.predict(Xs) == ys)

        for it in range(num_iters):
            X_batch, y_batch = draw()
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            step(grads)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(accuracy(X_batch, y_batch))
                history["val_acc_history"].append(accuracy(X_val, y_val))
                state["lr"] *= learning_rate_decay

        return history

    def predict(self, X):
        _, _, S = _forward_columns(self.params, X)
        return np.argmax(S, axis=0)
