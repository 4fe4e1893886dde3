import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        P = {}
        P["W1"] = np.random.randn(input_size, hidden_size) * std
        P["W2"] = np.random.randn(hidden_size, output_size) * std
        P["b1"] = np.zeros((hidden_size,))
        P["b2"] = np.zeros((output_size,))
        self.params = P

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        Z = np.dot(X, P["W1"]) + P["b1"]
        A = Z * (Z > 0)
        S = np.dot(A, P["W2"]) + P["b2"]
        if y is None:
            return S
        m = len(X)
        onehot = np.zeros_like(S)
        onehot[np.arange(m), y] = 1.0
        S_shift = S - S.max(1)[:, None]
        lse = np.log(np.exp(S_shift).sum(1))
        data_loss = np.mean(lse - S_shift[np.arange(m), y])
        reg_loss = reg * sum(np.sum(P[w] ** 2) for w in ("W1", "W2"))
        dS = (np.exp(S_shift - lse[:, None]) - onehot) / m
        dA = dS.dot(P["W2"].T)
        dZ = dA * (Z > 0)
        grads = {
            "W1": X.T.dot(dZ) + 2 * reg * P["W1"],
            "b1": dZ.sum(0),
            "W2": A.T.dot(dS) + 2 * reg * P["W2"],
            "b2": dS.sum(0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        epoch_len = max(num_train // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        it = 0
        while it < num_iters:
            sample = np.random.choice(num_train, batch_size)
            Xb, yb = X[sample], y[sample]
            cost, grads = self.loss(Xb, yb, reg)
            losses.append(cost)
            self.params = {k: v - learning_rate * (grads[k] + 2 * reg * v * (k[0] == "W")) for k, v in self.params.items()}
            if verbose and it % 100 == 0:
                print("iteration {} / {}: loss {:f}".format(it, num_iters, cost))
            if it % epoch_len == 0:
                train_accs.append(np.mean(self.predict(Xb) == yb))
                val_accs.append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay
            it += 1
        return dict(loss_history=losses, train_acc_history=train_accs, val_acc_history=val_accs)

    def predict(self, X):
        S = self.loss(X)
        return S.argmax(axis=1)
