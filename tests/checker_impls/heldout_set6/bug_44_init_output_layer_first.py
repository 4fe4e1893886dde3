import numpy as np
from dataclasses import dataclass, field


@dataclass
class TwoLayerNet:
    input_size: int
    hidden_size: int
    output_size: int
    std: float = 1e-4
    params: dict = field(init=False, repr=False)

    def __post_init__(self):
        W2 = self.std * np.random.randn(self.hidden_size, self.output_size)
        W1 = self.std * np.random.randn(self.input_size, self.hidden_size)
        self.params = {'W1': W1, 'b1': np.zeros(self.hidden_size),
                       'W2': W2, 'b2': np.zeros(self.output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        net.input_size, net.hidden_size = net.params['W1'].shape
        net.output_size = net.params['W2'].shape[1]
        net.std = 0.0
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]
        u = X @ W1 + b1
        v = np.maximum(u, 0)
        scores = v @ W2 + b2
        if y is None:
            return scores
        t = scores - scores.max(axis=1, keepdims=True)
        lp = t - np.log(np.exp(t).sum(axis=1, keepdims=True))
        loss = -lp[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dt = np.exp(lp)
        dt[np.arange(N), y] -= 1
        dt /= N
        du = (dt @ W2.T) * (u > 0)
        return loss, {'W1': X.T @ du + 2 * reg * W1, 'b1': du.sum(axis=0),
                      'W2': v.T @ dt + 2 * reg * W2, 'b2': dt.sum(axis=0)}

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
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
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
