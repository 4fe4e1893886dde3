"""Two-layer net (affine - ReLU - affine - softmax cross-entropy, L2 on W1 and W2) in NumPy.

Written as staged computation: Node objects recorded by a Graph in creation order, walked backwards with local rules.
Training: small helper methods for the minibatch, the step and the accuracy. Predict: argmax of the forward scores.
"""

import numpy as np


class Node:
    """One value of the graph, its parents, and the rule mapping its gradient onto theirs."""

    def __init__(self, value, parents=(), local_backward=None):
        self.value = value
        self.parents = parents
        self.local_backward = local_backward
        self.grad = None


class Graph:
    """Records nodes in creation order (a topological order) and walks that order backwards."""

    def __init__(self):
        self.nodes = []

    def leaf(self, value):
        node = Node(value)
        self.nodes.append(node)
        return node

    def node(self, value, parents, local_backward):
        node = Node(value, parents, local_backward)
        self.nodes.append(node)
        return node

    def backward(self, root):
        root.grad = 1.0
        for node in reversed(self.nodes):
            if node.grad is None or node.local_backward is None:
                continue
            for parent, grad in zip(node.parents, node.local_backward(node.grad)):
                if parent.grad is None:
                    parent.grad = grad
                else:
                    parent.grad = parent.grad + grad


def scatter(values, rows, cols, shape):
    """A zero array of the given shape with values placed at (rows, cols)."""
    out = np.zeros(shape)
    out[rows, cols] = values
    return out


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
        """Scores (N, C) if y is None, else (loss, grads); the graph is built as it is computed."""
        g = Graph()
        W1 = g.leaf(self.params['W1'])
        b1 = g.leaf(self.params['b1'])
        W2 = g.leaf(self.params['W2'])
        b2 = g.leaf(self.params['b2'])
        N = X.shape[0]
        rows = np.arange(N)

        a1 = g.node(X.dot(W1.value), (W1,), lambda up: (X.T.dot(up),))
        z1 = g.node(a1.value + b1.value, (a1, b1), lambda up: (up, up.sum(axis=0)))
        h1 = g.node(np.maximum(0, z1.value), (z1,), lambda up: (up * (z1.value > 0),))
        a2 = g.node(h1.value.dot(W2.value), (h1, W2),
                    lambda up: (up.dot(W2.value.T), h1.value.T.dot(up)))
        scores = g.node(a2.value + b2.value, (a2, b2), lambda up: (up, up.mean(axis=0)))
        if y is None:
            return scores.value

        shifted = g.node(scores.value - scores.value.max(axis=1, keepdims=True), (scores,),
                         lambda up: (up,))
        exps = g.node(np.exp(shifted.value), (shifted,), lambda up: (up * exps.value,))
        sums = g.node(exps.value.sum(axis=1, keepdims=True), (exps,),
                      lambda up: (up * np.ones_like(exps.value),))
        probs = g.node(exps.value / sums.value, (exps, sums),
                       lambda up: (up / sums.value,
                                   -np.sum(up * exps.value, axis=1, keepdims=True) / sums.value ** 2))
        p_correct = g.node(probs.value[rows, y], (probs,),
                           lambda up: (scatter(up, rows, y, probs.value.shape),))
        log_p = g.node(np.log(p_correct.value), (p_correct,), lambda up: (up / p_correct.value,))
        data_loss = g.node(-log_p.value.mean(), (log_p,), lambda up: (-up * np.ones(N) / N,))
        sq1 = g.node(np.sum(W1.value ** 2), (W1,), lambda up: (2.0 * W1.value * up,))
        sq2 = g.node(np.sum(W2.value ** 2), (W2,), lambda up: (2.0 * W2.value * up,))
        penalty = g.node(reg * (sq1.value + sq2.value), (sq1, sq2), lambda up: (reg * up, reg * up))
        total = g.node(data_loss.value + penalty.value, (data_loss, penalty), lambda up: (up, up))

        g.backward(total)
        grads = {}
        for name, leaf in (('W1', W1), ('b1', b1), ('W2', W2), ('b2', b2)):
            grads[name] = leaf.grad if leaf.grad is not None else np.zeros_like(leaf.value)
        return total.value, grads

    def _draw_minibatch(self, X, y, num_train, batch_size):
        """The minibatch node."""
        idx = np.random.choice(num_train, batch_size)
        return X[idx], y[idx]

    def _sgd_step(self, grads, rate):
        """The update node for every leaf: p <- p - rate * dp."""
        for name in self.params:
            self.params[name] -= rate * grads[name]

    def _accuracy(self, X, y):
        """The accuracy node: the fraction of rows whose prediction equals the label."""
        return np.mean(self.predict(X) == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD built from the small helper nodes above."""
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        rate = learning_rate

        for it in range(num_iters):
            X_batch, y_batch = self._draw_minibatch(X, y, num_train, batch_size)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            self._sgd_step(grads, rate)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            end_of_epoch = it % iterations_per_epoch == 0
            # epoch node, part 1: record the accuracies
            if end_of_epoch:
                history['train_acc_history'].append(self._accuracy(X_batch, y_batch))
                history['val_acc_history'].append(self._accuracy(X_val, y_val))
            # epoch node, part 2: decay the rate
            if end_of_epoch:
                rate = rate * learning_rate_decay

        return history

    def predict(self, X):
        """Labels (N,): the forward graph up to the scores, then the index of each row's best score."""
        scores = self.loss(X)
        y_pred = np.argmax(scores, axis=1)
        return y_pred
