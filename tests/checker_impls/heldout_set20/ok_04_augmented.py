import numpy as np


def _with_ones(a):
    return np.hstack([a, np.ones((a.shape[0], 1))])


class TwoLayerNet:
    """Biases are folded into the weight matrices as an extra row during the math."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = std * np.random.randn(input_size, hidden_size)
        second = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=first, b1=np.zeros(hidden_size),
                           W2=second, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        n = cls.__new__(cls)
        n.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ("W1", "b1", "W2", "b2"))
        return n

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        A1 = np.vstack([p["W1"], p["b1"][None, :]])
        A2 = np.vstack([p["W2"], p["b2"][None, :]])
        Xa = _with_ones(np.asarray(X, dtype=np.float64))
        hid = np.maximum(Xa.dot(A1), 0)
        hida = _with_ones(hid)
        scores = hida.dot(A2)
        if y is None:
            return scores

        n = scores.shape[0]
        idx = (np.arange(n), y)
        sh = scores - scores.max(1, keepdims=True)
        ex = np.exp(sh)
        den = ex.sum(1, keepdims=True)
        loss = np.mean(np.log(den[:, 0]) - sh[idx])
        loss += reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

        ds = ex / den
        ds[idx] -= 1
        ds /= n
        dA2 = hida.T.dot(ds)
        dhid = ds.dot(p["W2"].T) * (hid > 0)
        dA1 = Xa.T.dot(dhid)
        grads = {
            "W1": dA1[:-1] + 2 * reg * p["W1"],
            "b1": dA1[-1].copy(),
            "W2": dA2[:-1] + 2 * reg * p["W2"],
            "b2": dA2[-1].copy(),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        epoch_iters = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        lr = learning_rate
        for it in range(num_iters):
            ids = np.random.choice(num_train, batch_size)
            batch_x, batch_y = X[ids], y[ids]
            value, grads = self.loss(batch_x, y=batch_y, reg=reg)
            loss_history += [value]
            for key in ("W1", "b1", "W2", "b2"):
                self.params[key] -= lr * grads[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % epoch_iters:
                continue
            train_acc_history += [(self.predict(batch_x) == batch_y).mean()]
            val_acc_history += [(self.predict(X_val) == y_val).mean()]
            lr *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        rows = self.loss(X)
        return np.array([np.argmax(r) for r in rows], dtype=np.intp).reshape(len(rows))
