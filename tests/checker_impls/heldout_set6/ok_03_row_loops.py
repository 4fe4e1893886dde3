import numpy as np


class TwoLayerNet(object):
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

    def _row_forward(self, x):
        z = x.dot(self.params['W1']) + self.params['b1']
        h = np.maximum(z, 0.0)
        return z, h, h.dot(self.params['W2']) + self.params['b2']

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]
        C = W2.shape[1]

        scores = np.zeros((N, C))
        cache = []
        for i in range(N):
            z, h, s = self._row_forward(X[i])
            scores[i] = s
            cache.append((z, h))
        if y is None:
            return scores

        grads = {'W1': np.zeros_like(W1), 'b1': np.zeros_like(b1),
                 'W2': np.zeros_like(W2), 'b2': np.zeros_like(b2)}
        log_terms = np.zeros(N)
        for i in range(N):
            s = scores[i]
            m = s.max()
            log_p = (s - m) - np.log(np.sum(np.exp(s - m)))
            log_terms[i] = log_p[y[i]]

            ds = np.exp(log_p)
            ds[y[i]] -= 1.0
            ds /= N
            z, h = cache[i]
            grads['W2'] += np.outer(h, ds)
            grads['b2'] += ds
            dz = W2.dot(ds)
            dz[z <= 0] = 0.0
            grads['W1'] += np.outer(X[i], dz)
            grads['b1'] += dz

        loss = -np.mean(log_terms) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        grads['W1'] += 2 * reg * W1
        grads['W2'] += 2 * reg * W2
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in ('W1', 'b1', 'W2', 'b2'):
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        labels = np.empty(scores.shape[0], dtype=np.intp)
        for i in range(scores.shape[0]):
            labels[i] = int(np.argmax(scores[i]))
        return labels
