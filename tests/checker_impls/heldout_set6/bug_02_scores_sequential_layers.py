import numpy as np


class Dense:
    def __init__(self, w_key, b_key):
        self.w_key = w_key
        self.b_key = b_key

    def forward(self, params, x):
        self.x = x
        return x @ params[self.w_key] + params[self.b_key]

    def backward(self, params, dout, grads):
        grads[self.w_key] = self.x.T @ dout
        grads[self.b_key] = dout.sum(axis=0)
        return dout @ params[self.w_key].T


class ReLU:
    def forward(self, params, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, params, dout, grads):
        return dout * self.mask


class SoftmaxCrossEntropy:
    def __call__(self, scores, y):
        n = scores.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        log_p = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
        loss = -np.mean(log_p[np.arange(n), y])
        d = np.exp(log_p)
        d[np.arange(n), y] -= 1
        d /= n
        return loss, d


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }
        self._build()

    def _build(self):
        self.layers = [Dense('W1', 'b1'), ReLU(), Dense('W2', 'b2'), ReLU()]
        self.criterion = SoftmaxCrossEntropy()

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        net._build()
        return net

    def loss(self, X, y=None, reg=0.0):
        out = X
        for layer in self.layers:
            out = layer.forward(self.params, out)
        if y is None:
            return out

        data_loss, dout = self.criterion(out, y)
        W1, W2 = self.params['W1'], self.params['W2']
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        grads = {}
        for layer in reversed(self.layers):
            dout = layer.backward(self.params, dout, grads)
        grads['W1'] = grads['W1'] + 2 * reg * W1
        grads['W2'] = grads['W2'] + 2 * reg * W2
        return loss, grads

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
            for name, value in grads.items():
                self.params[name] -= learning_rate * value

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
