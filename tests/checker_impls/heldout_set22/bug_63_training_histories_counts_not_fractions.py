import numpy as np


def accuracy(pred, target):
    return np.sum(pred == target)


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

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        n = X.shape[0]
        pre = X.dot(W1) + b1
        act = np.where(pre > 0, pre, 0.0)
        scores = act.dot(W2) + b2
        if y is None:
            return scores
        sh = scores - scores.max(axis=1, keepdims=True)
        logp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(n), y].sum() / n + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        g = np.exp(logp)
        g[np.arange(n), y] -= 1
        g /= n
        gpre = np.where(pre > 0, g.dot(W2.T), 0.0)
        return loss, {'W1': X.T.dot(gpre) + 2 * reg * W1, 'b1': gpre.sum(axis=0),
                      'W2': act.T.dot(g) + 2 * reg * W2, 'b2': g.sum(axis=0)}

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
            for k in grads:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(self.predict(X_batch), y_batch))
                val_acc_history.append(accuracy(self.predict(X_val), y_val))
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
