import numpy as np


class TwoLayerNet:
    """Affine - ReLU - affine - softmax, written with in-place array updates."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, rows, cols in (("W1", input_size, hidden_size), ("W2", hidden_size, output_size)):
            w = np.random.randn(rows, cols)
            w *= std
            self.params[name] = w
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for k in ("W1", "b1", "W2", "b2"):
            net.params[k] = np.array(params[k], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]

        z = np.dot(X, W1)
        z += b1
        h = np.maximum(z, 0)
        scores = np.dot(h, W2)
        scores += b2
        if y is None:
            return scores

        n, c = scores.shape
        onehot = np.eye(c)[y]
        work = scores.copy()
        work -= work.max(axis=1, keepdims=True)
        work -= np.log(np.exp(work).sum(axis=1, keepdims=True))
        data_loss = -work[onehot.astype(bool)].mean()
        reg_loss = reg * (np.square(W1).sum() + np.square(W2).sum())

        np.exp(work, out=work)
        work -= onehot
        work /= n

        dW2 = np.dot(h.T, work)
        dW2 += 2 * reg * W2
        db2 = work.sum(axis=0)
        dz = np.dot(work, W2.T)
        np.multiply(dz, z > 0, out=dz)
        dW1 = np.dot(X.T, dz)
        dW1 += 2 * reg * W1
        db1 = dz.sum(axis=0)
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.array([np.random.randint(num_train) for _ in range(batch_size)], dtype=np.intp)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            hist["loss_history"].append(loss)
            for k, g in grads.items():
                g *= learning_rate
                self.params[k] -= g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                hist["train_acc_history"].append((self.predict(Xb) == yb).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
