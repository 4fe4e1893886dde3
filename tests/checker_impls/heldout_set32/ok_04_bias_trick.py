import numpy as np


class TwoLayerNet:
    """Two-layer net using the bias trick; the augmented matrices are rebuilt on every call."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
            self.params["b" + name[1]] = np.zeros(shape[1])
        self.params = {k: self.params[k] for k in ("W1", "b1", "W2", "b2")}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(v, dtype=np.float64) for k, v in params.items() if k in ("W1", "b1", "W2", "b2")}
        return net

    @staticmethod
    def _augment(A):
        return np.hstack([A, np.ones((A.shape[0], 1))])

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        A1 = np.vstack([P["W1"], P["b1"][None, :]])
        A2 = np.vstack([P["W2"], P["b2"][None, :]])
        Xa = self._augment(X)
        z1 = Xa.dot(A1)
        mask = np.heaviside(z1, 0.0)
        h1a = self._augment(z1 * mask)
        scores = h1a.dot(A2)
        if y is None:
            return scores

        N = X.shape[0]
        top = scores.max(axis=1)[:, None]
        lse = np.log(np.exp(scores - top).sum(axis=1))[:, None] + top
        logp = scores - lse
        loss = -logp[np.arange(N), y].sum() / N + reg * ((P["W1"] ** 2).sum() + (P["W2"] ** 2).sum())

        d = np.exp(logp)
        d[np.arange(N), y] -= 1
        d /= N
        gA2 = h1a.T.dot(d)
        dz1 = d.dot(P["W2"].T) * mask
        gA1 = Xa.T.dot(dz1)
        grads = {
            "W1": gA1[:-1] + 2 * reg * P["W1"],
            "b1": gA1[-1],
            "W2": gA2[:-1] + 2 * reg * P["W2"],
            "b2": gA2[-1],
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        ipe = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        it = 0
        while it < num_iters:
            batch = np.random.choice(num_train, batch_size)
            Xb, yb = X[batch], y[batch]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for name in list(self.params):
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % ipe == 0:
                train_acc_history.append(float(np.mean(self.predict(Xb) == yb)))
                val_acc_history.append(float(np.mean(self.predict(X_val) == y_val)))
                learning_rate *= learning_rate_decay
            it += 1
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
