import numpy as np


class SGD(object):
    def __init__(self, params, lr, decay):
        self.params = params
        self.lr = lr
        self.decay = decay

    def step(self, grads):
        for name, p in self.params.items():
            p -= self.lr * grads[name]

    def end_epoch(self):
        self.lr *= self.decay


def minibatches(num_train, batch_size, num_iters):
    for _ in range(num_iters):
        yield np.random.choice(num_train, batch_size)


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        self.params = {}
        for name, shape in (('W1', (D, H)), ('W2', (H, C))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(H)
        self.params['b2'] = np.zeros(C)

    def _forward(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        a1 = X @ W1 + b1
        h1 = a1.copy()
        h1[h1 < 0] = 0
        return a1, h1, h1 @ W2 + b2

    def loss(self, X, y=None, reg=0.0):
        a1, h1, scores = self._forward(X)
        if y is None:
            return scores
        N = len(y)
        rows = np.arange(N)
        z = scores - scores.max(axis=1, keepdims=True)
        log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -log_probs[rows, y].sum() / N
        W1, W2 = self.params['W1'], self.params['W2']
        loss += reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        delta = np.exp(log_probs)
        delta[rows, y] -= 1
        delta /= N
        grads = {'W2': h1.T @ delta + 2 * reg * W2, 'b2': delta.sum(axis=0)}
        delta = (delta @ W2.T) * (a1 > 0)
        grads['W1'] = X.T @ delta + 2 * reg * W1
        grads['b1'] = delta.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        opt = SGD(self.params, learning_rate, learning_rate_decay)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it, idx in enumerate(minibatches(num_train, batch_size, num_iters)):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            opt.step(grads)
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                opt.end_epoch()
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
