"""Two-layer net (affine - ReLU - affine - softmax cross-entropy, L2 on W1 and W2) in NumPy.

Written as staged computation: a tiny reverse-mode autograd (Tensor objects with backward closures, topological sort).
Training: a for loop in four commented stages. Predict: argmax of the softmax probabilities.
"""

import numpy as np


class Tensor:
    """A value of the graph: its data, d loss / d data, its parents, and its backward rule."""

    def __init__(self, data, parents=()):
        self.data = data
        self.grad = np.zeros(np.shape(data))
        self.parents = parents
        self.backward_fn = None


def matmul(a, b):
    out = Tensor(a.data.dot(b.data), (a, b))

    def backward_fn():
        a.grad = a.grad + out.grad.dot(b.data.T)
        b.grad = b.grad + a.data.T.dot(out.grad)
    out.backward_fn = backward_fn
    return out


def add_bias(a, b):
    out = Tensor(a.data + b.data, (a, b))

    def backward_fn():
        a.grad = a.grad + out.grad
        b.grad = b.grad + out.grad.sum(axis=0)
    out.backward_fn = backward_fn
    return out


def relu(a):
    out = Tensor(np.maximum(0, a.data), (a,))

    def backward_fn():
        a.grad = a.grad + out.grad * (a.data > 0)
    out.backward_fn = backward_fn
    return out


def shift_rows(a):
    out = Tensor(a.data - a.data.max(axis=1, keepdims=True), (a,))

    def backward_fn():
        a.grad = a.grad + out.grad  # the row max is held constant
    out.backward_fn = backward_fn
    return out


def exp(a):
    out = Tensor(np.exp(a.data), (a,))

    def backward_fn():
        a.grad = a.grad + out.grad * out.data
    out.backward_fn = backward_fn
    return out


def row_sum(a):
    out = Tensor(a.data.sum(axis=1, keepdims=True), (a,))

    def backward_fn():
        a.grad = a.grad + out.grad * np.ones_like(a.data)
    out.backward_fn = backward_fn
    return out


def log(a):
    out = Tensor(np.log(a.data), (a,))

    def backward_fn():
        a.grad = a.grad + out.grad / a.data
    out.backward_fn = backward_fn
    return out


def sub_column(a, b):
    out = Tensor(a.data - b.data, (a, b))

    def backward_fn():
        a.grad = a.grad + out.grad
        b.grad = b.grad - out.grad.sum(axis=1, keepdims=True)
    out.backward_fn = backward_fn
    return out


def pick(a, y):
    rows = np.arange(a.data.shape[0])
    out = Tensor(a.data[rows, y], (a,))

    def backward_fn():
        dense = np.zeros_like(a.data)
        dense[rows, y] = out.grad
        a.grad = a.grad + dense
    out.backward_fn = backward_fn
    return out


def mean(a):
    out = Tensor(a.data.mean(), (a,))

    def backward_fn():
        a.grad = a.grad + out.grad * np.ones_like(a.data) / a.data.size
    out.backward_fn = backward_fn
    return out


def neg(a):
    out = Tensor(-a.data, (a,))

    def backward_fn():
        a.grad = a.grad - out.grad
    out.backward_fn = backward_fn
    return out


def square_sum(a):
    out = Tensor(np.sum(a.data * a.data), (a,))

    def backward_fn():
        a.grad = a.grad + 2.0 * a.data * out.grad
    out.backward_fn = backward_fn
    return out


def scale(a, c):
    out = Tensor(c * a.data, (a,))

    def backward_fn():
        a.grad = a.grad + c * out.grad
    out.backward_fn = backward_fn
    return out


def add(a, b):
    out = Tensor(a.data + b.data, (a, b))

    def backward_fn():
        a.grad = a.grad + out.grad
        b.grad = b.grad + out.grad
    out.backward_fn = backward_fn
    return out


def backward(root):
    """Topologically orders the graph below root, then runs every node's rule in reverse."""
    order, seen = [], set()

    def visit(t):
        if id(t) not in seen:
            seen.add(id(t))
            for p in t.parents:
                visit(p)
            order.append(t)
    visit(root)
    root.grad = np.ones(np.shape(root.data))
    for t in reversed(order):
        if t.backward_fn is not None:
            t.backward_fn()


class TwoLayerNet:
    """Input - fully connected - ReLU - fully connected - softmax; params in self.params."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """Leaf nodes: W1 (D, H) and W2 (H, C) from std * randn (W1 drawn first), zero biases."""
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        """Scores (N, C) if y is None, else (loss, grads); gradients come from the graph itself."""
        W1 = Tensor(self.params['W1'])
        b1 = Tensor(self.params['b1'])
        W2 = Tensor(self.params['W2'])
        b2 = Tensor(self.params['b2'])
        x = Tensor(X)

        z1 = add_bias(matmul(x, W1), b1)
        h1 = relu(z1)
        scores = add_bias(matmul(h1, W2), b2)
        if y is None:
            return scores.data

        shifted = shift_rows(scores)
        exps = exp(shifted)
        sums = row_sum(exps)
        log_sums = log(sums)
        log_probs = sub_column(shifted, log_sums)
        picked = pick(log_probs, y)
        data_loss = neg(mean(picked))
        penalty = scale(add(square_sum(W1), square_sum(W2)), reg)
        total = add(data_loss, penalty)

        backward(total)
        grads = {'W1': W1.grad, 'b1': b1.grad, 'W2': W2.grad, 'b2': b2.grad}
        return total.data, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD, written as four stages per iteration; the rate decays once per epoch."""
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            # stage 1: the minibatch
            batch_indices = np.random.choice(num_train, batch_size)
            X_batch = X[batch_indices]
            y_batch = y[batch_indices]

            # stage 2: forward and backward through the graph
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # stage 3: one SGD step per leaf
            for name in ('W1', 'b1', 'W2', 'b2'):
                step = learning_rate / iterations_per_epoch * grads[name]
                self.params[name] -= step

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # stage 4: epoch bookkeeping
            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        """Labels (N,): scores -> shifted -> exp -> normalised probabilities -> argmax per row."""
        scores = self.loss(X)
        shifted = scores - scores.max(axis=1, keepdims=True)
        exps = np.exp(shifted)
        probs = exps / exps.sum(axis=1, keepdims=True)
        y_pred = np.argmax(probs, axis=1)
        return y_pred
