import numpy as np

_F = np.float64


class TwoLayerNet(object):
    """Works on float32 or integer inputs too: everything is promoted to float64 first."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': np.asarray(std * np.random.randn(input_size, hidden_size), dtype=_F),
            'b1': np.zeros(hidden_size, dtype=_F),
            'W2': np.asarray(std * np.random.randn(hidden_size, output_size), dtype=_F),
            'b2': np.zeros(output_size, dtype=_F),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=_F) for name in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        X = np.asarray(X, dtype=_F)
        reg = _F(reg)
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']

        z = np.dot(X, W1) + b1
        a = np.maximum(z, _F(0))
        f = np.dot(a, W2) + b2
        if y is None:
            return f

        y = np.asarray(y, dtype=np.intp)
        N = X.shape[0]
        f_max = np.amax(f, axis=1, keepdims=True)
        e = np.exp(f - f_max)
        s = np.sum(e, axis=1, keepdims=True)
        correct = f[np.arange(N), y][:, np.newaxis]
        per_example = np.log(s) - (correct - f_max)
        data_loss = _F(np.mean(per_example))
        reg_loss = reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        df = e / s
        df[np.arange(N), y] -= _F(1)
        df /= N

        da = np.dot(df, W2.T)
        dz = da * (z > 0).astype(_F)
        grads = {
            'W1': np.dot(X.T, dz) + _F(2) * reg * W1,
            'b1': np.sum(dz, axis=0),
            'W2': np.dot(a.T, df) + _F(2) * reg * W2,
            'b2': np.sum(df, axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        X = np.asarray(X, dtype=_F)
        X_val = np.asarray(X_val, dtype=_F)
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        lr = _F(learning_rate)
        for it in range(num_iters):
            ix = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[ix], y[ix]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ('W1', 'b1', 'W2', 'b2'):
                np.subtract(self.params[name], lr * grads[name], out=self.params[name])
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                lr = lr * learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(np.asarray(X, dtype=_F)), axis=1)
