"""A very small reverse-mode autodiff engine, just enough for this net."""
import numpy as np


class Node(object):
    def __init__(self, value, parents=(), local_grads=None):
        self.value = value
        self.parents = parents          # tuple of Node
        self.local_grads = local_grads  # function: upstream grad -> tuple of parent grads
        self.grad = None

    def backprop(self):
        order, seen = [], set()

        def visit(n):
            if id(n) in seen:
                return
            seen.add(id(n))
            for p in n.parents:
                visit(p)
            order.append(n)

        visit(self)
        self.grad = np.ones_like(self.value)
        for node in reversed(order):
            if node.local_grads is None or node.grad is None:
                continue
            for parent, g in zip(node.parents, node.local_grads(node.grad)):
                parent.grad = g if parent.grad is None else parent.grad + g


def matmul(a, b):
    return Node(a.value.dot(b.value), (a, b), lambda g: (g.dot(b.value.T), a.value.T.dot(g)))


def add_bias(a, b):
    return Node(a.value + b.value, (a, b), lambda g: (g, g.sum(axis=0)))


def relu(a):
    on = a.value > 0
    return Node(np.where(on, a.value, 0.0), (a,), lambda g: (g * on,))


def mean_softmax_xent(s, labels):
    n = s.value.shape[0]
    z = s.value - s.value.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    val = -logp[np.arange(n), labels].mean()

    def back(g):
        d = np.exp(logp)
        d[np.arange(n), labels] -= 1.0
        return (g * d / n,)
    return Node(np.asarray(val), (s,), back)


def sum_squares(a):
    return Node(np.asarray(np.sum(a.value ** 2)), (a,), lambda g: (2.0 * g * a.value,))


def add(a, b):
    return Node(a.value + b.value, (a, b), lambda g: (g, g))


def scale(a, c):
    return Node(c * a.value, (a,), lambda g: (c * g,))


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _graph(self, X):
        leaves = {k: Node(v) for k, v in self.params.items()}
        x = Node(X)
        h = relu(add_bias(matmul(x, leaves['W1']), leaves['b1']))
        scores = add_bias(matmul(h, leaves['W2']), leaves['b2'])
        return leaves, scores

    def loss(self, X, y=None, reg=0.0):
        leaves, scores = self._graph(X)
        if y is None:
            return scores.value
        total = add(mean_softmax_xent(scores, y),
                    scale(add(sum_squares(leaves['W1']), sum_squares(leaves['W2'])), reg))
        total.backprop()
        grads = {k: (n.grad if n.grad is not None else np.zeros_like(n.value)) for k, n in leaves.items()}
        return float(total.value), grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k in ('W1', 'b1', 'W2', 'b2'):
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
