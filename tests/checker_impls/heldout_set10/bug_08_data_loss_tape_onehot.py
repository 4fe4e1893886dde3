import numpy as np


class Var:
    """A value on the tape."""

    def __init__(self, value, parents=(), backward=None):
        self.value = np.asarray(value, dtype=np.float64)
        self.grad = np.zeros_like(self.value)
        self.parents = parents
        self.backward = backward


class Tape:
    def __init__(self):
        self.nodes = []

    def leaf(self, value):
        node = Var(value)
        self.nodes.append(node)
        return node

    def op(self, value, parents, backward):
        node = Var(value, parents, backward)
        self.nodes.append(node)
        return node

    def matmul(self, a, b):
        def back(g):
            a.grad += g @ b.value.T
            b.grad += a.value.T @ g
        return self.op(a.value @ b.value, (a, b), back)

    def add_bias(self, a, b):
        def back(g):
            a.grad += g
            b.grad += g.sum(axis=0)
        return self.op(a.value + b.value, (a, b), back)

    def relu(self, a):
        def back(g):
            a.grad += g * (a.value > 0)
        return self.op(np.maximum(a.value, 0), (a,), back)

    def log_softmax(self, a):
        z = a.value - a.value.max(axis=1, keepdims=True)
        out = z - np.log(np.exp(z).sum(axis=1, keepdims=True))

        def back(g):
            a.grad += g - np.exp(out) * g.sum(axis=1, keepdims=True)
        return self.op(out, (a,), back)

    def neg_mean_product(self, a, const):
        def back(g):
            a.grad += -g * const / const.size
        return self.op(-np.mean(const * a.value), (a,), back)

    def sum_squares(self, a, scale):
        def back(g):
            a.grad += g * 2 * scale * a.value
        return self.op(scale * np.sum(a.value ** 2), (a,), back)

    def add(self, *terms):
        def back(g):
            for t in terms:
                t.grad += g
        return self.op(sum(t.value for t in terms), terms, back)

    def run_backward(self, out):
        out.grad = np.ones_like(out.value)
        for node in reversed(self.nodes):
            if node.backward is not None:
                node.backward(node.grad)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        tape = Tape()
        p = {k: tape.leaf(v) for k, v in self.params.items()}
        x = tape.leaf(X)
        h = tape.relu(tape.add_bias(tape.matmul(x, p["W1"]), p["b1"]))
        scores = tape.add_bias(tape.matmul(h, p["W2"]), p["b2"])
        if y is None:
            return scores.value

        targets = np.zeros_like(scores.value)
        targets[np.arange(len(y)), y] = 1.0
        data = tape.neg_mean_product(tape.log_softmax(scores), targets)
        total = tape.add(data, tape.sum_squares(p["W1"], reg), tape.sum_squares(p["W2"], reg))
        tape.run_backward(total)
        return float(total.value), {k: v.grad for k, v in p.items()}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
