import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class Relu:
    def forward(self, x):
        self.on = x > 0
        return x * self.on

    def backward(self, dout):
        return dout * self.on


class SoftmaxWithLoss:
    def forward(self, s, t):
        self.t = t
        z = s - s.max(axis=1, keepdims=True)
        self.p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        return -np.log(self.p[np.arange(len(t)), t]).mean()

    def backward(self):
        d = self.p.copy()
        d[np.arange(len(self.t)), self.t] -= 1
        return d


class TwoLayerNet:
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

    def _layers(self):
        p = self.params
        return Affine(p['W1'], p['b1']), Relu(), Affine(p['W2'], p['b2'])

    def loss(self, X, y=None, reg=0.0):
        l1, act, l2 = self._layers()
        scores = l2.forward(act.forward(l1.forward(X)))
        if y is None:
            return scores
        head = SoftmaxWithLoss()
        W1, W2 = self.params['W1'], self.params['W2']
        loss = head.forward(scores, y) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        l1.backward(act.backward(l2.backward(head.backward())))
        grads = {'W1': l1.dW + 2 * reg * W1, 'b1': l1.db,
                 'W2': l2.dW + 2 * reg * W2, 'b2': l2.db}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        iterations_per_epoch = max(n // batch_size, 1)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            batch = np.random.choice(n, batch_size)
            xb, yb = X[batch], y[batch]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            stats['loss_history'].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats['train_acc_history'].append((self.predict(xb) == yb).mean())
                stats['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
