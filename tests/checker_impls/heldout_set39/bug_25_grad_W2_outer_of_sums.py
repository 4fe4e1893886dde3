import numpy as np


class TwoLayerNet:
    """The backpropagation equations of the lecture, in its notation.

    a0 = X,  z1 = a0 W1 + b1,  a1 = relu(z1),  z2 = a1 W2 + b2
    J = -(1/m) sum_i log softmax(z2_i)[y_i] + reg * (||W1||^2 + ||W2||^2)

    delta2 = dJ/dz2 = (softmax(z2) - T) / m       (T: one-hot targets)
    delta1 = dJ/dz1 = (delta2 W2^T) * relu'(z1)
    dJ/dW_l = a_{l-1}^T delta_l,  dJ/db_l = sum_i delta_l,i
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ("W1", "b1", "W2", "b2"))
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]

        a0 = X
        z1 = a0 @ W1 + b1
        a1 = np.maximum(z1, 0)
        z2 = a1 @ W2 + b2
        if y is None:
            return z2

        m = X.shape[0]
        z2s = z2 - np.max(z2, axis=1, keepdims=True)
        logp = z2s - np.log(np.sum(np.exp(z2s), axis=1, keepdims=True))
        J_data = -np.sum(logp[np.arange(m), y]) / m
        J_reg = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        J = J_data + J_reg

        T = np.zeros_like(z2)
        T[np.arange(m), y] = 1.0
        delta2 = (np.exp(logp) - T) / m
        delta1 = (delta2 @ W2.T) * (z1 > 0)

        grads = {}
        grads["W2"] = np.outer(np.sum(a1, axis=0), np.sum(delta2, axis=0)) + 2 * reg * W2
        grads["b2"] = np.sum(delta2, axis=0)
        grads["W1"] = a0.T @ delta1 + 2 * reg * W1
        grads["b1"] = np.sum(delta1, axis=0)
        return J, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        m = X.shape[0]
        T = max(m // batch_size, 1)  # iterations per epoch
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        epoch = 0
        eta = learning_rate
        for t in range(num_iters):
            B = np.random.choice(m, batch_size)
            XB, yB = X[B], y[B]

            J, grads = self.loss(XB, y=yB, reg=reg)
            loss_history.append(J)

            step = {k: eta * g for k, g in grads.items()}
            W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
            W1 -= step["W1"]
            b1 -= step["b1"]
            W2 -= step["W2"]
            b2 -= step["b2"]

            if verbose and t % 100 == 0:
                print("iteration %d / %d: loss %f" % (t, num_iters, J))

            if t % T == 0:
                train_acc_history.append(np.mean(self.predict(XB) == yB))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                # eta_k = eta_0 * gamma^k after k epochs
                epoch += 1
                eta = learning_rate * learning_rate_decay ** epoch

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        z2 = self.loss(X)
        return np.argmax(z2, axis=1)
