import numpy as np


class Affine:
    def __init__(self, w_name, b_name):
        self.w_name, self.b_name = w_name, b_name
        self.cache = None

    def forward(self, params, x):
        self.cache = x
        return x.dot(params[self.w_name]) + params[self.b_name]

    def backward(self, params, dout, grads):
        x = self.cache
        grads[self.w_name] = x.T.dot(dout)
        grads[self.b_name] = dout.sum(axis=0)
        return dout.dot(params[self.w_name].T)


class Rectifier:
    def forward(self, params, x):
        self.cache = x
        return np.maximum(0, x)

    def backward(self, params, dout, grads):
        return dout * (self.cache > 0)


class CrossEntropy:
    def forward(self, scores, y):
        n = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        self.log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.y = y
        return -self.log_probs[np.arange(n), y].mean()

    def backward(self):
        n = self.log_probs.shape[0]
        d = np.exp(self.log_probs)
        d[np.arange(n), self.y] -= 1
        return d / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _layers(self):
        return [Affine('W1', 'b1'), Rectifier(), Affine('W2', 'b2')]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(self.params, out)
        if y is None:
            return out

        head = CrossEntropy()
        data_loss = head.forward(out, y)
        weights = [self.params['W1'], self.params['W2']]
        loss = data_loss + reg * sum(np.sum(w * w) for w in weights)

        grads = {}
        dout = head.backward()
        for layer in reversed(layers):
            dout = layer.backward(self.params, dout, grads)
        for name in ('W1', 'W2'):
            grads[name] = grads[name] + 2 * reg * self.params[name]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            picks = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[picks], y[picks]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
