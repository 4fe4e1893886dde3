import numpy as np


class TwoLayerNet(object):
    """Two-layer net; loss and gradients are accumulated one example at a time."""

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

        if y is None:
            scores = np.zeros((N, W2.shape[1]))
            for i in range(N):
                h = np.maximum(0, X[i].dot(W1) + b1)
                scores[i] = h.dot(W2) + b2
            return scores

        loss = 0.0
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(N):
            z = X[i].dot(W1) + b1
            h = np.maximum(0, z)
            s = h.dot(W2) + b2
            s = s - s.max()
            p = np.exp(s) / np.sum(np.exp(s))
            loss += -np.log(p[y[i]])

            ds = p.copy()
            ds[y[i]] -= 1
            dW2 += np.outer(h, ds)
            db2 += ds
            dz = W2.dot(ds) * (z > 0)
            dW1 += np.outer(X[i], dz)
            db1 += dz

        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        grads = {
            'W1': dW1 / N + 2 * reg * W1,
            'b1': db1 / N,
            'W2': dW2 / N + 2 * reg * W2,
            'b2': db2 / N,
        }
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
            X_batch = X[idx]
            y_batch = y[idx]

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
