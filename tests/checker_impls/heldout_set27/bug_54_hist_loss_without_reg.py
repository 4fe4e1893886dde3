import numpy as np


class TwoLayerNet(object):
    """Two-layer net. train() runs its own forward/backward to avoid the dict overhead."""

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
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        d = np.exp(logp)
        d[np.arange(N), y] -= 1
        d /= N
        dz1 = d.dot(W2.T) * (z1 > 0)
        grads = {
            'W1': X.T.dot(dz1) + 2 * reg * W1,
            'b1': dz1.sum(axis=0),
            'W2': h1.T.dot(d) + 2 * reg * W2,
            'b2': d.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        P = self.params

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            Xb, yb = X[idx], y[idx]
            n = Xb.shape[0]

            # forward
            z1 = Xb.dot(P['W1']) + P['b1']
            h1 = np.maximum(0, z1)
            scores = h1.dot(P['W2']) + P['b2']
            s = scores - scores.max(axis=1, keepdims=True)
            logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
            data_loss = -logp[np.arange(n), yb].mean()
            loss = data_loss + reg * (np.sum(P['W1'] ** 2) + np.sum(P['W2'] ** 2))
            loss_history.append(data_loss)

            # backward
            d = np.exp(logp)
            d[np.arange(n), yb] -= 1
            d /= n
            dz1 = d.dot(P['W2'].T) * (z1 > 0)
            dW1 = Xb.T.dot(dz1) + 2 * reg * P['W1']
            db1 = dz1.sum(axis=0)
            dW2 = h1.T.dot(d) + 2 * reg * P['W2']
            db2 = d.sum(axis=0)

            # update
            P['W1'] -= learning_rate * dW1
            P['b1'] -= learning_rate * db1
            P['W2'] -= learning_rate * dW2
            P['b2'] -= learning_rate * db2

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
