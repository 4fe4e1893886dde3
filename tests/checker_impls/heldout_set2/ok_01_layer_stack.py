import numpy as np


class Dense:
    def __init__(self, net, wname, bname):
        self.net, self.wname, self.bname = net, wname, bname

    def forward(self, x):
        self.x = x
        return x @ self.net.params[self.wname] + self.net.params[self.bname]

    def backward(self, grad_out):
        W = self.net.params[self.wname]
        self.grads = {self.wname: self.x.T @ grad_out, self.bname: grad_out.sum(axis=0)}
        return grad_out @ W.T


class Rectifier:
    def forward(self, x):
        self.inp = x
        return np.maximum(x, 0)

    def backward(self, grad_out):
        g = grad_out.copy()
        g[~(self.inp > 0)] = 0.0
        self.grads = {}
        return g


class TwoLayerNet:
    """An OO stack of layers; the last layer's output is the class scores."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def _stack(self):
        return [Dense(self, 'W1', 'b1'), Rectifier(), Dense(self, 'W2', 'b2')]

    def loss(self, X, y=None, reg=0.0):
        stack = self._stack()
        act = np.asarray(X, dtype=np.float64)
        for layer in stack:
            act = layer.forward(act)
        scores = act
        if y is None:
            return scores

        N, C = scores.shape
        y = np.asarray(y, dtype=int)
        top = scores.max(axis=1, keepdims=True)
        logZ = np.log(np.exp(scores - top).sum(axis=1, keepdims=True)) + top
        nll = logZ[:, 0] - scores[np.arange(N), y]
        penalty = 0.0
        for name in ('W1', 'W2'):
            penalty += np.sum(self.params[name] ** 2)
        loss = nll.sum() / N + reg * penalty

        grad = np.exp(scores - logZ)
        grad[np.arange(N), y] -= 1.0
        grad *= 1.0 / N
        grads = {}
        for layer in reversed(stack):
            grad = layer.backward(grad)
            grads.update(layer.grads)
        for name in ('W1', 'W2'):
            grads[name] = grads[name] + 2.0 * reg * self.params[name]
        return loss, grads

    def _sgd_step(self, grads, lr):
        for name, g in grads.items():
            self.params[name] -= lr * g

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            Xb, yb = X[batch], y[batch]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            self._sgd_step(grads, learning_rate)
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
