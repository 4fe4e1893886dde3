import numpy as np


class _Affine:
    def __init__(self, owner, wkey, bkey):
        self.owner, self.wkey, self.bkey = owner, wkey, bkey
        self.x = None

    def forward(self, x):
        self.x = x
        return x @ self.owner.params[self.wkey] + self.owner.params[self.bkey]

    def backward(self, dout):
        w = self.owner.params[self.wkey]
        return dout @ w.T, self.x.T @ dout, dout.sum(axis=0)


class _ReLU:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class _SoftmaxCE:
    @staticmethod
    def forward_backward(scores, y):
        n = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(n), y].mean()
        d = np.exp(log_probs)
        d[np.arange(n), y] -= 1
        return loss, d / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self._build()

    def _build(self):
        self.layers = [_Affine(self, 'W1', 'b1'), _ReLU(), _Affine(self, 'W2', 'b2')]

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        net._build()
        return net

    def loss(self, X, y=None, reg=0.0):
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        if y is None:
            return out

        loss, dout = _SoftmaxCE.forward_backward(out, y)
        W1, W2 = self.params['W1'], self.params['W2']
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        fc1, relu, fc2 = self.layers
        grads = {}
        dh, grads['W2'], grads['b2'] = fc2.backward(dout)
        da = relu.backward(dh)
        _, grads['W1'], grads['b1'] = fc1.backward(da)
        grads['W1'] = grads['W1'] + 2 * reg * W1
        grads['W2'] = grads['W2'] + 2 * reg * W2
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[batch], y=y[batch], reg=reg)
            loss_history.append(loss)
            for k, g in grads.items():
                self.params[k] -= learning_rate * g
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X[batch]) == y[batch]).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
