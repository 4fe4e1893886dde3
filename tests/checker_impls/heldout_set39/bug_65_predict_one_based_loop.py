import numpy as np


class TwoLayerNet:
    """Two-layer net written example by example, like the sums over i in the notes.

    For every example i:
      z1_i = x_i W1 + b1,  h1_i = max(0, z1_i),  s_i = h1_i W2 + b2
      L_i = -log softmax(s_i)[y_i]
    and L = (1/N) sum_i L_i + reg * (||W1||^2 + ||W2||^2).
    The gradients are accumulated over the examples in the same loop.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] = np.array(params[key], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params["W1"]
        b1 = self.params["b1"]
        W2 = self.params["W2"]
        b2 = self.params["b2"]
        N = X.shape[0]
        H = W1.shape[1]
        C = W2.shape[1]

        Z1 = np.zeros((N, H))
        H1 = np.zeros((N, H))
        S = np.zeros((N, C))
        for i in range(N):
            Z1[i] = X[i].dot(W1) + b1
            H1[i] = np.maximum(0, Z1[i])
            S[i] = H1[i].dot(W2) + b2
        if y is None:
            return S

        loss = 0.0
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for n in range(N):
            s = S[n] - np.max(S[n])
            log_p = s - np.log(np.sum(np.exp(s)))
            loss -= log_p[y[n]]

            ds = np.exp(log_p)  # dL_n/ds = p - onehot(y_n)
            ds[y[n]] -= 1.0
            dW2 += np.outer(H1[n], ds)
            db2 += ds
            dh = W2.dot(ds)
            dz = dh * (Z1[n] > 0)
            dW1 += np.outer(X[n], dz)
            db1 += dz

        loss /= N
        dW1 /= N
        db1 /= N
        dW2 /= N
        db2 /= N

        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc = []
        val_acc = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc.append((self.predict(X_batch) == y_batch).mean())
                val_acc.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc,
                "val_acc_history": val_acc}

    def predict(self, X):
        S = self.loss(X)
        y_pred = np.zeros(X.shape[0], dtype=int)
        for i in range(1, X.shape[0]):
            y_pred[i] = np.argmax(S[i])
        return y_pred
