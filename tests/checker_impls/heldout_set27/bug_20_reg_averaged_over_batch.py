import numpy as np


class TwoLayerNet(object):
    """Two-layer net. The whole objective (data + penalty) is averaged over the batch."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]

        a = X.dot(W1) + b1
        h = np.maximum(0, a)
        scores = h.dot(W2) + b2
        if y is None:
            return scores

        s = scores - np.max(scores, axis=1, keepdims=True)
        p = np.exp(s) / np.sum(np.exp(s), axis=1, keepdims=True)

        # total = sum over examples of the cross-entropy, plus the L2 penalty
        total = np.sum(-np.log(p[np.arange(N), y]))
        total += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = total / N

        # gradient of the total, then divide by N like the loss
        ds = p.copy()
        ds[np.arange(N), y] -= 1
        dW2 = h.T.dot(ds) + 2 * reg * W2
        db2 = ds.sum(axis=0)
        da = ds.dot(W2.T) * (a > 0)
        dW1 = X.T.dot(da) + 2 * reg * W1
        db1 = da.sum(axis=0)
        grads = {'W1': dW1 / N, 'b1': db1 / N, 'W2': dW2 / N, 'b2': db2 / N}
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

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

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
