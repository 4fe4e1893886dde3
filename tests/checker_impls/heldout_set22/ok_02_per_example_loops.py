import numpy as np


class TwoLayerNet:
    """Deliberately slow: every example goes through the net on its own."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for k in ('W1', 'b1', 'W2', 'b2'):
            net.params[k] = np.array(params[k], dtype=np.float64)
        return net

    def _one(self, x):
        p = self.params
        z = x.dot(p['W1']) + p['b1']
        h = np.maximum(z, 0)
        s = h.dot(p['W2']) + p['b2']
        return z, h, s

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        N = len(X)
        C = p['W2'].shape[1]
        scores = np.zeros((N, C))
        cache = []
        for i in range(N):
            z, h, s = self._one(X[i])
            scores[i] = s
            cache.append((z, h))
        if y is None:
            return scores

        grads = {k: np.zeros_like(v, dtype=np.float64) for k, v in p.items()}
        total = 0.0
        for i in range(N):
            s = scores[i] - np.max(scores[i])
            e = np.exp(s)
            prob = e / e.sum()
            total -= np.log(prob[y[i]])

            ds = prob.copy()
            ds[y[i]] -= 1.0
            ds /= N
            z, h = cache[i]
            grads['W2'] += np.outer(h, ds)
            grads['b2'] += ds
            dz = p['W2'].dot(ds) * (z > 0)
            grads['W1'] += np.outer(X[i], dz)
            grads['b1'] += dz

        loss = total / N + reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))
        grads['W1'] += 2.0 * reg * p['W1']
        grads['W2'] += 2.0 * reg * p['W2']
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            rows = np.random.randint(0, num_train, size=batch_size)
            X_batch = X[rows]
            y_batch = y[rows]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % epoch_len == 0:
                hits = 0
                pred = self.predict(X_batch)
                for i in range(len(y_batch)):
                    hits += int(pred[i] == y_batch[i])
                train_acc_history.append(hits / float(len(y_batch)))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        out = []
        for row in self.loss(X):
            out.append(int(np.argmax(row)))
        return np.array(out, dtype=np.int64)
