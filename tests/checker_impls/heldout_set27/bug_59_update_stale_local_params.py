import numpy as np


class TwoLayerNet(object):
    """Two-layer net; train() inlines the forward and backward passes."""

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

        z1 = X.dot(W1) + b1
        h1 = np.maximum(0, z1)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores

        s = scores - scores.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        loss = -np.log(p[np.arange(N), y]).mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        p[np.arange(N), y] -= 1
        p /= N
        dz1 = p.dot(W2.T) * (z1 > 0)
        grads = {
            'W1': X.T.dot(dz1) + 2 * reg * W1,
            'b1': dz1.sum(axis=0),
            'W2': h1.T.dot(p) + 2 * reg * W2,
            'b2': p.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            Xb, yb = X[idx], y[idx]
            n = Xb.shape[0]

            z1 = Xb.dot(W1) + b1
            h1 = np.maximum(0, z1)
            scores = h1.dot(W2) + b2
            s = scores - scores.max(axis=1, keepdims=True)
            p = np.exp(s)
            p /= p.sum(axis=1, keepdims=True)
            loss = -np.log(p[np.arange(n), yb]).mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
            loss_history.append(loss)

            p[np.arange(n), yb] -= 1
            p /= n
            dz1 = p.dot(W2.T) * (z1 > 0)
            dW1 = Xb.T.dot(dz1) + 2 * reg * W1
            db1 = dz1.sum(axis=0)
            dW2 = h1.T.dot(p) + 2 * reg * W2
            db2 = p.sum(axis=0)

            self.params['W1'] = W1 - learning_rate * dW1
            self.params['b1'] = b1 - learning_rate * db1
            self.params['W2'] = W2 - learning_rate * dW2
            self.params['b2'] = b2 - learning_rate * db2

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
