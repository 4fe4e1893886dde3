import numpy as np


class TwoLayerNet:
    """Two-layer ReLU network; buffers are reused in place where it is safe."""

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
        N = X.shape[0]

        z = np.dot(X, p['W1'])
        z += p['b1']
        h = np.maximum(z, 0.0)
        out = np.dot(h, p['W2'])
        out += p['b2']
        if y is None:
            return out

        rows = np.arange(N)
        logp = out - out.max(axis=1, keepdims=True)
        logp -= np.log(np.exp(logp).sum(axis=1, keepdims=True))
        loss = -np.mean(logp[rows, y])
        loss += reg * (np.sum(np.square(p['W1'])) + np.sum(np.square(p['W2'])))

        g = np.exp(logp)
        g[rows, y] -= 1.0
        g /= N

        dW2 = np.dot(h.T, g)
        dW2 += 2.0 * reg * p['W2']
        db2 = g.sum(axis=0)

        dh = np.dot(g, p['W2'].T)
        dh *= (z > 0)
        dW1 = p['W1']
        dW1 *= 2.0 * reg
        dW1 += np.dot(X.T, dh)
        db1 = dh.sum(axis=0)

        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            ix = np.random.choice(num_train, batch_size)
            X_batch = X[ix]
            y_batch = y[ix]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats['loss_history'].append(loss)

            for k, g in grads.items():
                np.subtract(self.params[k], lr * g, out=self.params[k])

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iters_per_epoch == 0:
                stats['train_acc_history'].append(np.mean(self.predict(X_batch) == y_batch))
                stats['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
