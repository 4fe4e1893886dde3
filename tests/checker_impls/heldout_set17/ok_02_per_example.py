import numpy as np


class TwoLayerNet(object):
    """Every quantity is computed one training example at a time, the way the
    maths is written on paper; only the per-example vector operations use NumPy."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {key: np.array(params[key], dtype=np.float64) for key in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _example(self, x):
        z = x.dot(self.params['W1']) + self.params['b1']
        h = np.maximum(0, z)
        return z, h, h.dot(self.params['W2']) + self.params['b2']

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params['W1'], self.params['W2']
        count = X.shape[0]
        scores = np.empty((count, W2.shape[1]))
        for i in range(count):
            scores[i] = self._example(X[i])[2]
        if y is None:
            return scores

        acc = {k: np.zeros_like(v, dtype=np.float64) for k, v in self.params.items()}
        data_loss = 0.0
        for i in range(count):
            z, h, s = self._example(X[i])
            s = s - s.max()
            logp = s - np.log(np.exp(s).sum())
            data_loss -= logp[y[i]]
            ds = np.exp(logp)
            ds[y[i]] -= 1.0
            acc['W2'] += np.outer(h, ds)
            acc['b2'] += ds
            dz = W2.dot(ds) * (z > 0)
            acc['W1'] += np.outer(X[i], dz)
            acc['b1'] += dz

        grads = {k: v / count for k, v in acc.items()}
        grads['W1'] += 2 * reg * W1
        grads['W2'] += 2 * reg * W2
        total = data_loss / count + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                hits = 0
                for label, guess in zip(y_batch, self.predict(X_batch)):
                    hits += int(label == guess)
                train_acc_history.append(hits / float(len(y_batch)))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        out = np.empty(X.shape[0], dtype=np.intp)
        for i in range(X.shape[0]):
            out[i] = np.argmax(self._example(X[i])[2])
        return out
