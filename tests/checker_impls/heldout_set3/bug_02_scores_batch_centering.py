import numpy as np


class TwoLayerNet:
    """Affine - ReLU - affine - softmax.  Inputs are zero-centred per batch
    before the first layer so the hidden units start in a good regime."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    def _forward(self, X):
        p = self.params
        Xc = X - X.mean(axis=0, keepdims=True)
        z = Xc @ p['W1'] + p['b1']
        a = np.maximum(z, 0)
        out = a @ p['W2'] + p['b2']
        return out, (Xc, z, a)

    def loss(self, X, y=None, reg=0.0):
        out, (Xc, z, a) = self._forward(X)
        if y is None:
            return out

        p = self.params
        n = X.shape[0]
        m = out.max(axis=1, keepdims=True)
        logZ = m + np.log(np.exp(out - m).sum(axis=1, keepdims=True))
        logp = out - logZ
        loss = -logp[np.arange(n), y].mean() + reg * ((p['W1'] ** 2).sum() + (p['W2'] ** 2).sum())

        d_out = np.exp(logp)
        d_out[np.arange(n), y] -= 1
        d_out /= n
        d_a = d_out @ p['W2'].T
        d_z = d_a * (z > 0)
        grads = {
            'W2': a.T @ d_out + 2 * reg * p['W2'],
            'b2': d_out.sum(axis=0),
            'W1': Xc.T @ d_z + 2 * reg * p['W1'],
            'b1': d_z.sum(axis=0),
        }
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
                print(f'iteration {it} / {num_iters}: loss {loss:f}')
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
