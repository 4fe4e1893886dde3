import numpy as np


class TwoLayerNet(object):
    """Everything done one example at a time (slow, but easy to check by hand)."""

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

    def _one(self, x):
        p = self.params
        z = x.dot(p['W1']) + p['b1']
        h = np.maximum(0, z)
        s = h.dot(p['W2']) + p['b2']
        return z, h, s

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        N = X.shape[0]
        C = p['W2'].shape[1]

        if y is None:
            scores = np.empty((N, C))
            for i in range(N):
                scores[i] = self._one(X[i])[2]
            return scores

        total = 0.0
        g = {k: np.zeros_like(v) for k, v in p.items()}
        for i in range(N):
            z, h, s = self._one(X[i])
            m = np.max(s)
            lse = m + np.log(np.sum(np.exp(s - m)))
            total += lse - s[y[i]]

            ds = np.exp(s - lse)
            ds[y[i]] -= 1.0
            g['W2'] += np.outer(h, ds)
            g['b2'] += ds
            dz = p['W2'].dot(ds)
            dz[z <= 0] = 0.0
            g['W1'] += np.outer(X[i], dz)
            g['b1'] += dz

        loss = total / N + reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))
        grads = {k: v / N for k, v in g.items()}
        grads['W1'] += 2 * reg * p['W1']
        grads['W2'] += 2 * reg * p['W2']
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

        next_epoch_start = 0
        it = 0
        while it < num_iters:
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it == next_epoch_start:
                correct = sum(int(a == b) for a, b in zip(self.predict(X_batch), y_batch))
                train_acc_history.append(correct / len(y_batch))
                correct = sum(int(a == b) for a, b in zip(self.predict(X_val), y_val))
                val_acc_history.append(correct / len(y_val))
                learning_rate *= learning_rate_decay
                next_epoch_start += iterations_per_epoch
            it += 1

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        out = np.zeros(X.shape[0], dtype=np.int64)
        for i in range(X.shape[0]):
            best = 0
            for c in range(1, scores.shape[1]):
                if scores[i, c] > scores[i, best]:
                    best = c
            out[i] = best
        return out
