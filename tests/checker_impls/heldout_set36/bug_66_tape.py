import numpy as np


class Tape:
    """A tiny reverse-mode recorder: ops write named values and are replayed backwards."""

    def __init__(self, values):
        self.values = dict(values)
        self.ops = []

    def matmul(self, a, b, out):
        self.values[out] = self.values[a].dot(self.values[b])
        self.ops.append(("matmul", a, b, out))
        return self.values[out]

    def add_bias(self, a, b, out):
        self.values[out] = self.values[a] + self.values[b]
        self.ops.append(("add_bias", a, b, out))
        return self.values[out]

    def relu(self, a, out):
        self.values[out] = np.maximum(0, self.values[a])
        self.ops.append(("relu", a, None, out))
        return self.values[out]

    def backward(self, out, dout):
        grads = {name: np.zeros_like(v) for name, v in self.values.items()}
        grads[out] = dout
        for kind, a, b, o in reversed(self.ops):
            g = grads[o]
            if kind == "matmul":
                grads[a] += g.dot(self.values[b].T)
                grads[b] += self.values[a].T.dot(g)
            elif kind == "add_bias":
                grads[a] += g
                grads[b] += g.sum(axis=0)
            elif kind == "relu":
                grads[a] += g * (self.values[a] > 0)
        return grads


def softmax_xent(scores, y):
    N = scores.shape[0]
    shifted = scores - scores.max(axis=0, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    loss = -log_probs[np.arange(N), y].mean()
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1
    return loss, dscores / N


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _record(self, X):
        tape = Tape(self.params)
        tape.values["X"] = X
        tape.matmul("X", "W1", "xw1")
        tape.add_bias("xw1", "b1", "z1")
        tape.relu("z1", "h1")
        tape.matmul("h1", "W2", "hw2")
        tape.add_bias("hw2", "b2", "scores")
        return tape

    def loss(self, X, y=None, reg=0.0):
        tape = self._record(X)
        scores = tape.values["scores"]
        if y is None:
            return scores

        data_loss, dscores = softmax_xent(scores, y)
        W1, W2 = self.params["W1"], self.params["W2"]
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        tape_grads = tape.backward("scores", dscores)
        grads = {name: tape_grads[name] for name in self.params}
        for name in ("W1", "W2"):
            grads[name] = grads[name] + 2 * reg * self.params[name]
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate

        for it in range(num_iters):
            # randint(0, n, size) makes the same draws as np.random.choice(n, size)
            idx = np.random.randint(0, num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats["loss_history"].append(loss)
            for name, p in self.params.items():
                p -= lr * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay

        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
