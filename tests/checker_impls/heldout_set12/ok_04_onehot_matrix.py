import numpy as np


class TwoLayerNet:
    KEYS = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict.fromkeys(self.KEYS)
        self.params["W1"] = std * np.random.standard_normal((input_size, hidden_size))
        self.params["W2"] = std * np.random.standard_normal((hidden_size, output_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in cls.KEYS}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = map(self.params.get, self.KEYS)
        Z = np.matmul(X, W1)
        Z += b1
        mask = Z > 0
        A = np.maximum(Z, 0.0)
        S = np.matmul(A, W2) + b2
        if y is None:
            return S
        N, C = S.shape
        Y = np.eye(C)[y]
        shift = S - S.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(shift).sum(axis=1, keepdims=True))
        logp = shift - log_norm
        data_loss = -(Y * logp).sum(axis=1).mean()
        reg_loss = reg * (np.vdot(W1, W1) + np.vdot(W2, W2))
        G = (np.exp(logp) - Y) / N
        dA = np.matmul(G, W2.T)
        dZ = dA * mask
        grads = dict(
            W1=np.matmul(X.T, dZ) + reg * 2 * W1,
            b1=dZ.sum(axis=0),
            W2=np.matmul(A.T, G) + reg * 2 * W2,
            b2=G.sum(axis=0),
        )
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        every = max(num_train // batch_size, 1)
        loss_history, train_acc, val_acc = [], [], []
        lr = [learning_rate]

        def step(grads):
            for k in self.KEYS:
                self.params[k] -= lr[0] * grads[k]

        for it in range(num_iters):
            sel = np.random.randint(num_train, size=batch_size)
            Xb, yb = X[sel], y[sel]
            current, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(current)
            step(grads)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, current))
            if it % every == 0:
                train_acc.append((self.predict(Xb) == yb).mean())
                val_acc.append((self.predict(X_val) == y_val).mean())
                lr[0] *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc,
                "val_acc_history": val_acc}

    def predict(self, X):
        S = self.loss(X)
        return S.argmax(-1)
