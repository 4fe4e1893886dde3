import numpy as np


class Dense(object):
    def __init__(self, weight, bias):
        self.weight, self.bias = weight, bias

    def forward(self, net, x):
        self.x = x
        return x.dot(net.params[self.weight]) + net.params[self.bias]

    def backward(self, net, grad):
        return grad.dot(net.params[self.weight].T), {
            self.weight: self.x.T.dot(grad),
            self.bias: grad.sum(axis=0),
        }


class Rectifier(object):
    def forward(self, net, x):
        self.active = x > 0
        return np.where(self.active, x, 0.0)

    def backward(self, net, grad):
        return grad * self.active, {}


class Sequential(object):
    def __init__(self, *layers):
        self.layers = layers

    def forward(self, net, x):
        for layer in self.layers:
            x = layer.forward(net, x)
        return x

    def backward(self, net, grad):
        grads = {}
        for layer in reversed(self.layers):
            grad, g = layer.backward(net, grad)
            grads.update(g)
        return grads


def softmax_cross_entropy(scores, y):
    n = len(y)
    shifted = scores - np.amax(scores, axis=1, keepdims=True)
    log_sum = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    log_p = shifted - log_sum
    loss = -np.mean(log_p[np.arange(n), y])
    probs = np.exp(log_p)
    probs[np.arange(n), y] -= 1
    return loss, probs / n


class TwoLayerNet(object):
    WEIGHTS = ('W1', 'W2')

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for k in ('W1', 'b1', 'W2', 'b2'):
            net.params[k] = np.array(params[k], dtype=np.float64)
        return net

    def _model(self):
        return Sequential(Dense('W1', 'b1'), Rectifier(), Dense('W2', 'b2'))

    def loss(self, X, y=None, reg=0.0):
        model = self._model()
        scores = model.forward(self, X)
        if y is None:
            return scores
        data_loss, dscores = softmax_cross_entropy(scores, y)
        reg_loss = reg * (np.sum(self.params['W1'] ** 2) + np.sum(self.params['W2'] ** 2))
        grads = model.backward(self, dscores)
        for name in self.WEIGHTS:
            grads[name] = grads[name] + 2 * reg * self.params[name]
        return data_loss + reg_loss, {k: grads[k] for k in ('W1', 'b1', 'W2', 'b2')}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        current_lr = learning_rate
        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample], y[sample]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                np.subtract(self.params[name], current_lr * grad, out=self.params[name])
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                current_lr = current_lr * learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
