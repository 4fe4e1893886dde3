import numpy as np


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
        hp = X.dot(W1) + b1
        hr = np.maximum(0, hp)
        scores = hr.dot(W2) + b2
        if y is None:
            return scores

        sh = scores - np.max(scores, axis=1, keepdims=True)
        logp = sh - np.log(np.sum(np.exp(sh), axis=1, keepdims=True))
        loss = -np.mean(logp[np.arange(N), y]) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        d = np.exp(logp)
        d[np.arange(N), y] -= 1
        d /= N
        dhp = d.dot(W2.T) * (hp > 0)
        return loss, {'W1': X.T.dot(dhp) + 2 * reg * W1, 'b1': dhp.sum(axis=0),
                      'W2': hr.T.dot(d) + 2 * reg * W2, 'b2': d.sum(axis=0)}

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
        scores = self.loss(X)
        y_pred = np.zeros(scores.shape[0], dtype=np.int64)
        for i, row in enumerate(scores):
            best = 0
            for c in range(1, row.shape[0]):
                if row[c] >= row[best]:
                    best = c
            y_pred[i] = best
        return y_pred
