import numpy as np


class TwoLayerNet(object):
    """Two-layer net; the loss is written example by example (slow but explicit)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]
        H = W1.shape[1]
        C = W2.shape[1]

        hidden = np.empty((N, H))
        scores = np.empty((N, C))
        for i in range(N):
            h = X[i].dot(W1) + b1
            h[h < 0] = 0
            hidden[i] = h
            scores[i] = h.dot(W2) + b2

        if y is None:
            return scores

        loss = 0.0
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(N):
            s = scores[i] - np.max(scores[i])
            log_p = s - np.log(np.sum(np.exp(s)))
            loss -= log_p[y[i]]

            ds = np.exp(log_p)
            ds[y[i]] -= 1
            dW2 += np.outer(hidden[i], ds)
            db2 += ds
            dh = W2.dot(ds)
            dh[hidden[i] <= 0] = 0
            dW1 += np.outer(X[i], dh)
            db1 += dh

        loss /= N
        dW1 /= N
        db1 /= N
        dW2 /= N
        db2 /= N

        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            picks = np.random.choice(num_train, batch_size)
            X_batch = X[picks]
            y_batch = y[picks]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for key, value in self.params.items():
                value = value - learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % epoch_len == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())

            if it % epoch_len == 0:
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
