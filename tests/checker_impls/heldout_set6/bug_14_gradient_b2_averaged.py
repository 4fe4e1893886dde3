import numpy as np


def affine(x, w, b):
    out = x @ w + b

    def back(dout):
        return dout @ w.T, x.T @ dout, np.mean(dout, axis=0)
    return out, back


def relu(x):
    mask = x > 0

    def back(dout):
        return dout * mask
    return x * mask, back


def softmax_loss(s, y):
    n = s.shape[0]
    s = s - s.max(axis=1, keepdims=True)
    logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(n), y].mean()
    ds = np.exp(logp)
    ds[np.arange(n), y] -= 1
    return loss, ds / n


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
        p = self.params
        z1, back1 = affine(X, p['W1'], p['b1'])
        h1, back_relu = relu(z1)
        scores = h1 @ p['W2'] + p['b2']
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        loss = data_loss + reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))

        _, back2 = affine(h1, p['W2'], p['b2'])
        dh1, dW2, db2 = back2(dscores)
        dz1 = back_relu(dh1)
        _, dW1, _ = back1(dz1)
        db1 = dz1.sum(axis=0)

        grads = {'W1': dW1 + 2 * reg * p['W1'], 'b1': db1,
                 'W2': dW2 + 2 * reg * p['W2'], 'b2': db2}
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
