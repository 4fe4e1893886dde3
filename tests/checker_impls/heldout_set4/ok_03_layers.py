import numpy as np


class Layer(object):
    def forward(self, params, x):
        raise NotImplementedError

    def backward(self, params, dout):
        raise NotImplementedError


class Affine(Layer):
    def __init__(self, w_key, b_key):
        self.w_key = w_key
        self.b_key = b_key
        self.x = None

    def forward(self, params, x):
        self.x = x
        return x.dot(params[self.w_key]) + params[self.b_key]

    def backward(self, params, dout):
        dx = dout.dot(params[self.w_key].T)
        return dx, {self.w_key: self.x.T.dot(dout), self.b_key: dout.sum(axis=0)}


class ReLU(Layer):
    def __init__(self):
        self.mask = None

    def forward(self, params, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, params, dout):
        return dout * self.mask, {}


class SoftmaxCrossEntropy(object):
    def __init__(self):
        self.probs = None
        self.y = None

    def forward(self, scores, y):
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.probs = np.exp(log_probs)
        self.y = y
        n = scores.shape[0]
        return -log_probs[np.arange(n), y].mean()

    def backward(self):
        n = self.probs.shape[0]
        d = self.probs.copy()
        d[np.arange(n), self.y] -= 1
        return d / n


class SequentialClassifier(object):
    weight_keys = ()

    def __init__(self):
        self.params = {}
        self.layers = []
        self.criterion = SoftmaxCrossEntropy()

    def forward(self, X):
        out = X
        for layer in self.layers:
            out = layer.forward(self.params, out)
        return out

    def loss(self, X, y=None, reg=0.0):
        scores = self.forward(X)
        if y is None:
            return scores
        loss = self.criterion.forward(scores, y)
        for k in self.weight_keys:
            loss += reg * np.sum(self.params[k] * self.params[k])
        grads = {}
        dout = self.criterion.backward()
        for layer in reversed(self.layers):
            dout, g = layer.backward(self.params, dout)
            grads.update(g)
        for k in self.weight_keys:
            grads[k] = grads[k] + 2 * reg * self.params[k]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
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
        return np.argmax(self.forward(X), axis=1)


class TwoLayerNet(SequentialClassifier):
    weight_keys = ('W1', 'W2')

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        super(TwoLayerNet, self).__init__()
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)
        self.layers = [Affine('W1', 'b1'), ReLU(), Affine('W2', 'b2')]
