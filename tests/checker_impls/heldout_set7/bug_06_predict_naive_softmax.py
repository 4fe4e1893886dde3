import numpy as np


def _relu(a):
    return a * (a > 0)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        N = X.shape[0]
        Z = X.dot(P["W1"]) + P["b1"]
        A = _relu(Z)
        S = A.dot(P["W2"]) + P["b2"]
        if y is None:
            return S

        S_shift = S - S.max(axis=1, keepdims=True)
        logZ = np.log(np.sum(np.exp(S_shift), axis=1, keepdims=True))
        LP = S_shift - logZ
        loss = -np.sum(LP[range(N), y]) / N
        loss += reg * (np.sum(P["W1"] ** 2) + np.sum(P["W2"] ** 2))

        G = np.exp(LP)
        G[range(N), y] -= 1
        G /= N
        dA = G.dot(P["W2"].T)
        dZ = dA * (Z > 0)
        grads = {
            "W1": X.T.dot(dZ) + 2 * reg * P["W1"],
            "b1": dZ.sum(0),
            "W2": A.T.dot(G) + 2 * reg * P["W2"],
            "b2": G.sum(0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        def index_stream():
            while True:
                yield np.random.choice(num_train, batch_size)

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it, idx in zip(range(num_iters), index_stream()):
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict_proba(self, X):
        e = np.exp(self.loss(X))
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, X):
        return np.argmax(self.predict_proba(X), axis=1)
