import numpy as np


class TwoLayerNet:
    """Two-layer net written with explicit Python loops over the examples.

    Slow, but every quantity is computed one example at a time, which makes it
    easy to check against a hand derivation.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # np.random.normal(0, std, shape) draws the same numbers as std * np.random.randn(*shape)
        self.params = {}
        self.params["W1"] = np.random.normal(0.0, std, (input_size, hidden_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = np.random.normal(0.0, std, (hidden_size, output_size))
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        obj = object.__new__(cls)
        obj.params = {}
        for name in ("W1", "b1", "W2", "b2"):
            obj.params[name] = np.array(params[name], dtype=np.float64, copy=True)
        return obj

    def _forward_one(self, x):
        p = self.params
        z = x.dot(p["W1"]) + p["b1"]
        h = np.where(z > 0, z, 0.0)
        s = h.dot(p["W2"]) + p["b2"]
        return z, h, s

    def loss(self, X, y=None, reg=0.0):
        X = np.asarray(X, dtype=np.float64)
        N = X.shape[0]
        C = self.params["W2"].shape[1]
        rows = [self._forward_one(X[i]) for i in range(N)]
        scores = np.array([r[2] for r in rows]).reshape(N, C)
        if y is None:
            return scores

        W1, W2 = self.params["W1"], self.params["W2"]
        grads = {name: np.zeros_like(value) for name, value in self.params.items()}
        total = 0.0
        for i in range(N):
            z, h, s = rows[i]
            label = int(y[i])
            m = s.max()
            log_norm = m + np.log(np.sum(np.exp(s - m)))
            total += log_norm - s[label]

            ds = np.exp(s - log_norm)
            ds[label] -= 1.0
            ds /= N
            grads["W2"] += np.outer(h, ds)
            grads["b2"] += ds
            dh = W2.dot(ds)
            dz = dh * (z > 0)
            grads["W1"] += np.outer(X[i], dz)
            grads["b1"] += dz

        data_loss = total / N
        sq = 0.0
        for W in (W1, W2):
            sq += np.sum(W * W)
        grads["W1"] += 2 * reg * W1
        grads["W2"] += 2 * reg * W2
        return data_loss + reg * sq, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            picks = np.random.choice(num_train, batch_size)
            X_batch = np.array([X[j] for j in picks])
            y_batch = np.array([y[j] for j in picks])

            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            loss_history.append(loss)
            for name in list(self.params):
                self.params[name] = self.params[name] - learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                pred = self.predict(X_batch)
                train_acc_history.append(sum(int(pred[j] == y_batch[j]) for j in range(len(y_batch))) / float(len(y_batch)))
                pred = self.predict(X_val)
                val_acc_history.append(sum(int(pred[j] == y_val[j]) for j in range(len(y_val))) / float(len(y_val)))
                learning_rate = learning_rate * learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        out = []
        for row in scores:
            best = 0
            for c in range(1, len(row)):
                if row[c] > row[best]:
                    best = c
            out.append(best)
        return np.array(out, dtype=int)
