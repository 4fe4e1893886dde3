import numpy as np


class TwoLayerNet(object):
    """Two-layer net that tries hard not to allocate.

    Both weight matrices are views into one buffer of Gaussian draws, and the
    loss reuses its temporaries with in-place ufuncs (out=...).
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        # randn(D*H + H*C) yields the same stream as randn(D, H) followed by randn(H, C)
        buf = np.random.randn(D * H + H * C)
        buf *= std
        self.params = {
            'W1': buf[:D * H].reshape(D, H),
            'b1': np.zeros(H),
            'W2': buf[D * H:].reshape(H, C),
            'b2': np.zeros(C),
        }

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]

        a = X.dot(W1)
        a += b1
        active = a > 0                 # remember the ReLU pattern before overwriting a
        np.maximum(a, 0, out=a)        # a now holds the hidden activations
        scores = a.dot(W2)
        scores += b2
        if y is None:
            return scores

        rows = np.arange(N)
        p = scores - scores.max(axis=1, keepdims=True)
        np.exp(p, out=p)
        p /= p.sum(axis=1, keepdims=True)
        data_loss = -np.log(p[rows, y]).sum() / N
        loss = data_loss + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        # p is not needed any more: turn it into dL/dscores in place
        p[rows, y] -= 1.0
        p /= N
        dW2 = a.T.dot(p)
        db2 = p.sum(axis=0)
        dh = p.dot(W2.T)
        dh *= active
        dW1 = X.T.dot(dh)
        db1 = dh.sum(axis=0)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch = X[rows]
            y_batch = y[rows]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k in self.params:
                grads[k] *= learning_rate
                self.params[k] -= grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
