"""Two-layer net on top of a tiny reverse-mode autodiff tape (matmul, add, relu, xent, l2)."""
import numpy as np


class Tape:
    def __init__(self):
        self.ops = []      # (output id, backward fn)
        self.values = {}
        self.grads = {}
        self._next = 0

    def var(self, value):
        i = self._next
        self._next += 1
        self.values[i] = value
        return i

    def _acc(self, i, g):
        self.grads[i] = self.grads[i] + g if i in self.grads else g

    def matmul(self, a, b):
        A, B = self.values[a], self.values[b]
        out = self.var(A.dot(B))

        def back(g):
            self._acc(a, g.dot(B.T))
            self._acc(b, A.T.dot(g))
        self.ops.append((out, back))
        return out

    def add_bias(self, a, b):
        out = self.var(self.values[a] + self.values[b])

        def back(g):
            self._acc(a, g)
            self._acc(b, g.sum(axis=0))
        self.ops.append((out, back))
        return out

    def relu(self, a):
        A = self.values[a]
        out = self.var(np.maximum(A, 0))

        def back(g):
            self._acc(a, g * (A > 0))
        self.ops.append((out, back))
        return out

    def xent(self, s, y):
        S = self.values[s]
        n = S.shape[0]
        Z = S - S.max(axis=1, keepdims=True)
        LP = Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))
        out = self.var(-LP[np.arange(n), y].mean())

        def back(g):
            d = np.exp(LP)
            d[np.arange(n), y] -= 1
            self._acc(s, g * d / n)
        self.ops.append((out, back))
        return out

    def l2(self, ws, reg):
        out = self.var(reg * sum(np.sum(self.values[w] * self.values[w]) for w in ws))

        def back(g):
            for w in ws:
                self._acc(w, g * 2 * reg * self.values[w])
        self.ops.append((out, back))
        return out

    def plus(self, a, b):
        out = self.var(self.values[a] + self.values[b])

        def back(g):
            self._acc(a, g)
            self._acc(b, g)
        self.ops.append((out, back))
        return out

    def backward(self, out):
        self.grads[out] = 1.0
        for i, back in reversed(self.ops):
            if i in self.grads:
                back(self.grads[i])


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {"W1": std * np.random.randn(input_size, hidden_size),
                       "b1": np.zeros(hidden_size)}
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _graph(self, X):
        t = Tape()
        ids = {k: t.var(v) for k, v in self.params.items()}
        x = t.var(X)
        h = t.relu(t.add_bias(t.matmul(x, ids["W1"]), ids["b1"]))
        s = t.add_bias(t.matmul(h, ids["W2"]), ids["b2"])
        return t, ids, s

    def loss(self, X, y=None, reg=0.0):
        t, ids, s = self._graph(X)
        if y is None:
            return t.values[s]
        total = t.plus(t.xent(s, y), t.l2([ids["W1"], ids["W2"]], reg))
        t.backward(total)
        grads = {k: np.asarray(t.grads.get(i, np.zeros_like(self.params[k])), dtype=np.float64)
                 for k, i in ids.items()}
        return t.values[total], grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        for it in range(num_iters):
            b = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[b], y=y[b], reg=reg)
            stats["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append((self.predict(X[b]) == y[b]).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
