import numpy as np


class TwoLayerNet:
    """Two-layer net written in the column convention of the lecture notes.

    In the notes every example is a column x in R^D and a layer reads
    z = W^T x + b, so loss() turns the batch into columns on the way in and
    turns the scores back into rows on the way out.

    Parameters (the skeleton's shapes):
      W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)
    """

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
        net.params = {}
        for name in ("W1", "b1", "W2", "b2"):
            net.params[name] = np.array(params[name], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        Xc = X.T  # (D, N): x^(i) is column i
        N = Xc.shape[1]

        # layer 1: z1 = W1^T x + b1, a1 = max(0, z1)
        Z1 = W1.T.dot(Xc) + b1[:, np.newaxis]  # (H, N)
        A1 = np.maximum(0, Z1)
        # layer 2: s = W2^T a1 + b2
        S = W2.T.dot(A1) + b2[:, np.newaxis]  # (C, N)
        if y is None:
            return S.T

        # softmax over the classes, i.e. down every column
        S_shift = S - S.max(axis=0, keepdims=True)
        log_P = S_shift - np.log(np.exp(S_shift).sum(axis=0, keepdims=True))
        data_loss = -np.mean(log_P[y, np.arange(N)])
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        # dL/dS = (P - Y) / N, Y holding the one-hot label columns
        dS = np.exp(log_P)
        dS[y, np.arange(N)] -= 1.0
        dS /= N
        dW2 = A1.dot(dS.T) + 2 * reg * W2  # (H, C)
        db2 = dS.sum(axis=1)
        dA1 = W2.dot(dS)  # (H, N)
        dZ1 = dA1 * (Z1 > 0)
        dW1 = Xc.dot(dZ1.T) + 2 * reg * W1  # (D, H)
        db1 = dZ1.sum(axis=1)

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        S = self.loss(X)  # (C, N), one column of scores per example
        return np.argmax(S, axis=0)
