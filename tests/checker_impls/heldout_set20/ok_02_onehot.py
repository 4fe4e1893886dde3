import numpy as np


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params.update(W1=std * np.random.randn(input_size, hidden_size),
                           b1=np.zeros(hidden_size))
        self.params.update(W2=std * np.random.randn(hidden_size, output_size),
                           b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        self = cls.__new__(cls)
        self.params = {}
        for key in ("W1", "b1", "W2", "b2"):
            self.params[key] = np.array(params[key], dtype=np.float64, copy=True)
        return self

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        H = np.dot(X, P["W1"]) + P["b1"]
        mask = H > 0
        H = H * mask
        S = np.dot(H, P["W2"]) + P["b2"]
        if y is None:
            return S

        N, C = S.shape
        Y = np.zeros((N, C))
        Y[np.arange(N), y] = 1.0

        S_stable = S - S.max(axis=1)[:, np.newaxis]
        E = np.exp(S_stable)
        Z = E.sum(axis=1)[:, np.newaxis]
        logP = S_stable - np.log(Z)
        data = -(Y * logP).sum() / N
        penalty = reg * ((P["W1"] ** 2).sum() + (P["W2"] ** 2).sum())

        G = (E / Z - Y) / N
        dH = np.dot(G, P["W2"].T) * mask
        grads = dict(
            W1=np.dot(X.T, dH) + 2 * reg * P["W1"],
            b1=dH.sum(axis=0),
            W2=np.dot(H.T, G) + 2 * reg * P["W2"],
            b2=G.sum(axis=0),
        )
        return data + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        total = X.shape[0]
        epoch = max(total // batch_size, 1)
        losses, tr_acc, va_acc = [], [], []
        rate = learning_rate
        it = -1
        while True:
            it += 1
            if it >= num_iters:
                break
            chosen = np.random.choice(total, batch_size)
            Xb = X[chosen]
            yb = y[chosen]
            cur, g = self.loss(Xb, y=yb, reg=reg)
            losses.append(cur)
            for key in self.params:
                self.params[key] -= rate * g[key]
            if verbose and not it % 100:
                print("iteration %d / %d: loss %f" % (it, num_iters, cur))
            if not it % epoch:
                tr_acc.append(np.mean(self.predict(Xb) == yb))
                va_acc.append(np.mean(self.predict(X_val) == y_val))
                rate = rate * learning_rate_decay
        return dict(loss_history=losses, train_acc_history=tr_acc, val_acc_history=va_acc)

    def predict(self, X):
        S = self.loss(X)
        return S.argmax(1)
