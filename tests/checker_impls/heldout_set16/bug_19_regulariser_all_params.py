import numpy as np


class Linear:
    """y = x W + b, remembering its input for the backward pass."""

    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None

    def forward(self, x):
        self.x = x
        return x.dot(self.W) + self.b

    def backward(self, dout):
        dW = self.x.T.dot(dout)
        db = dout.sum(axis=0)
        dx = dout.dot(self.W.T)
        return dx, dW, db


class ReLU:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class SoftmaxCrossEntropy:
    def forward(self, scores, y):
        n = scores.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        self.probs = np.exp(logp)
        self.y = y
        return -logp[np.arange(n), y].mean()

    def backward(self):
        n = self.probs.shape[0]
        d = self.probs.copy()
        d[np.arange(n), self.y] -= 1
        return d / n


class SGD:
    def __init__(self, params, lr):
        self.params = params
        self.lr = lr

    def step(self, grads):
        for k in self.params:
            self.params[k] -= self.lr * grads[k]


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
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ['W1', 'b1', 'W2', 'b2']}
        return net

    def _layers(self):
        return (Linear(self.params['W1'], self.params['b1']),
                ReLU(),
                Linear(self.params['W2'], self.params['b2']))

    def loss(self, X, y=None, reg=0.0):
        fc1, relu, fc2 = self._layers()
        scores = fc2.forward(relu.forward(fc1.forward(X)))
        if y is None:
            return scores

        criterion = SoftmaxCrossEntropy()
        loss = criterion.forward(scores, y)
        loss += reg * sum(np.sum(p * p) for p in self.params.values())

        dh, dW2, db2 = fc2.backward(criterion.backward())
        _, dW1, db1 = fc1.backward(relu.backward(dh))
        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        for name, value in self.params.items():
            grads[name] = grads[name] + 2 * reg * value
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        steps_per_epoch = max(n_train // batch_size, 1)
        opt = SGD(self.params, learning_rate)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for step in range(num_iters):
            sel = np.random.choice(n_train, batch_size)
            Xb, yb = X[sel], y[sel]

            loss, grads = self.loss(Xb, yb, reg=reg)
            stats['loss_history'].append(loss)
            opt.step(grads)

            if verbose and step % 100 == 0:
                print('iteration %d / %d: loss %f' % (step, num_iters, loss))

            if step % steps_per_epoch == 0:
                stats['train_acc_history'].append((self.predict(Xb) == yb).mean())
                stats['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                opt.lr *= learning_rate_decay

        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
