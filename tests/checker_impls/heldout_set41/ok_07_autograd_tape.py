"""Two-layer net on a tiny reverse-mode autograd tape, so that loss.backward() fills
.grad on leaf tensors the way it would in PyTorch."""

import numpy as np


class Tensor:
    def __init__(self, data, parents=(), grad_fn=None):
        self.data = np.asarray(data, dtype=np.float64)
        self.parents = parents
        self.grad_fn = grad_fn  # maps d out -> one gradient per parent
        self.grad = np.zeros_like(self.data)

    def backward(self):
        order, seen = [], set()

        def visit(t):
            if id(t) in seen:
                return
            seen.add(id(t))
            for parent in t.parents:
                visit(parent)
            order.append(t)

        visit(self)
        self.grad = np.ones_like(self.data)
        for t in reversed(order):
            if t.grad_fn is not None:
                for parent, g in zip(t.parents, t.grad_fn(t.grad)):
                    parent.grad = parent.grad + g


def constant(value):
    return Tensor(value)


def matmul(a, b):
    return Tensor(a.data @ b.data, (a, b), lambda g: (g @ b.data.T, a.data.T @ g))


def add_bias(x, b):
    return Tensor(x.data + b.data, (x, b), lambda g: (g, g.sum(axis=0)))


def relu(x):
    mask = x.data > 0
    out = np.where(mask, x.data, 0.0)
    return Tensor(out, (x,), lambda g: (g * mask,))


def add(a, b):
    return Tensor(a.data + b.data, (a, b), lambda g: (g, g))


def mul_scalar(a, c):
    return Tensor(a.data * c, (a,), lambda g: (g * c,))


def sum_squares(w):
    return Tensor(np.sum(w.data * w.data), (w,), lambda g: (2.0 * g * w.data,))


def cross_entropy(logits, target):
    """F.cross_entropy(logits, target) with reduction='mean'."""
    z = logits.data - logits.data.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    n = z.shape[0]
    rows = np.arange(n)
    out = -logp[rows, target].mean()

    def grad_fn(g):
        d = np.exp(logp)
        d[rows, target] -= 1.0
        return (g * d / n,)

    return Tensor(out, (logits,), grad_fn)


def accuracy(pred, target):
    return (pred == target).mean()


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

    def _graph(self, X):
        leaves = {k: Tensor(v) for k, v in self.params.items()}
        x = constant(X)
        hidden = relu(add_bias(matmul(x, leaves["W1"]), leaves["b1"]))
        logits = add_bias(matmul(hidden, leaves["W2"]), leaves["b2"])
        return leaves, logits

    def loss(self, X, y=None, reg=0.0):
        leaves, logits = self._graph(X)
        if y is None:
            return logits.data

        penalty = constant(0.0)
        for name in ("W1", "W2"):
            penalty = add(penalty, sum_squares(leaves[name]))
        total = add(cross_entropy(logits, y), mul_scalar(penalty, reg))
        total.backward()
        return float(total.data), {k: t.grad for k, t in leaves.items()}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        lr = learning_rate
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            for name, grad in grads.items():  # with no_grad(): p -= lr * p.grad
                self.params[name] = self.params[name] - lr * grad
            loss_history.append(loss)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(self.predict(X_batch), y_batch))
                val_acc_history.append(accuracy(self.predict(X_val), y_val))
                lr *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        logits = self.loss(X)
        return np.argmax(logits, axis=1)
