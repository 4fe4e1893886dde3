import numpy as np
from dataclasses import dataclass, field


@dataclass
class History:
    loss_history: list = field(default_factory=list)
    train_acc_history: list = field(default_factory=list)
    val_acc_history: list = field(default_factory=list)

    def as_dict(self):
        return {'loss_history': self.loss_history,
                'train_acc_history': self.train_acc_history,
                'val_acc_history': self.val_acc_history}


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

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]
        z = X @ W1 + b1
        h = np.maximum(z, 0)
        f = h @ W2 + b2
        if y is None:
            return f

        f_shift = f - f.max(axis=1, keepdims=True)
        log_q = f_shift - np.log(np.exp(f_shift).sum(axis=1, keepdims=True))
        loss = -log_q[np.arange(N), y].mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        df = np.exp(log_q)
        df[np.arange(N), y] -= 1
        df /= N
        dz = (df @ W2.T) * (z > 0)
        return loss, {'W1': X.T @ dz + 2 * reg * W1, 'b1': dz.sum(0),
                      'W2': h.T @ df + 2 * reg * W2, 'b2': df.sum(0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        hist = History()

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            hist.loss_history.append(loss)
            for k, g in grads.items():
                self.params[k] -= learning_rate * g

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                hist.train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                hist.val_acc_history.append((self.predict(X_val) == y_val).mean())
                if it > 0:
                    learning_rate *= learning_rate_decay

        return hist.as_dict()

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
