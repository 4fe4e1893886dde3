import numpy as np


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
        p = self.params
        h_pre = np.einsum("nd,dh->nh", X, p["W1"]) + p["b1"]
        h = np.maximum(h_pre, 0)
        s = np.einsum("nh,hc->nc", h, p["W2"]) + p["b2"]
        if y is None:
            return s
        n = s.shape[0]
        s = s - s.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(n), y].mean()
        loss += reg * (np.einsum("ij,ij->", p["W1"], p["W1"]) + np.einsum("ij,ij->", p["W2"], p["W2"]))

        ds = np.exp(logp)
        ds[np.arange(n), y] -= 1
        ds /= n
        dh = np.einsum("nc,hc->nh", ds, p["W2"]) * (h_pre > 0)
        return loss, {
            "W1": np.einsum("nd,nh->dh", X, dh) + 2 * reg * p["W1"],
            "b1": dh.sum(axis=0),
            "W2": np.einsum("nh,nc->hc", h, ds) + 2 * reg * p["W2"],
            "b2": ds.sum(axis=0),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        def accuracy(inputs, labels):
            return np.mean(self.predict(inputs) == labels)

        it = 0
        while it < num_iters:
            chosen = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[chosen], y=y[chosen], reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(X, y))
                val_acc_history.append(accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay
            it += 1

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
