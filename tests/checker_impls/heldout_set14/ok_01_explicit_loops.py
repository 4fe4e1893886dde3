import numpy as np


class TwoLayerNet(object):
    """Two-layer net written example by example, with explicit Python loops.

    Slow, but every step of the forward and backward pass is spelled out.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for key in ('W1', 'b1', 'W2', 'b2'):
            net.params[key] = np.array(params[key], dtype=np.float64)
        return net

    def _scores_one(self, x):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        H = W1.shape[1]
        C = W2.shape[1]
        z = np.empty(H)
        for j in range(H):
            z[j] = np.dot(x, W1[:, j]) + b1[j]
        h = np.empty(H)
        for j in range(H):
            h[j] = z[j] if z[j] > 0 else 0.0
        s = np.empty(C)
        for c in range(C):
            s[c] = np.dot(h, W2[:, c]) + b2[c]
        return z, h, s

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params['W1'], self.params['W2']
        N = X.shape[0]
        C = W2.shape[1]

        scores = np.empty((N, C))
        cache = []
        for i in range(N):
            z, h, s = self._scores_one(X[i])
            scores[i] = s
            cache.append((z, h))
        if y is None:
            return scores

        dW1 = np.zeros_like(W1)
        db1 = np.zeros(W1.shape[1])
        dW2 = np.zeros_like(W2)
        db2 = np.zeros(C)
        data_loss = 0.0
        for i in range(N):
            s = scores[i]
            top = s[0]
            for c in range(1, C):
                if s[c] > top:
                    top = s[c]
            total = 0.0
            for c in range(C):
                total += np.exp(s[c] - top)
            log_norm = np.log(total)
            data_loss -= (s[y[i]] - top - log_norm)

            ds = np.empty(C)
            for c in range(C):
                ds[c] = np.exp(s[c] - top - log_norm)
            ds[y[i]] -= 1.0
            ds /= N

            z, h = cache[i]
            dW2 += np.outer(h, ds)
            db2 += ds
            dh = W2.dot(ds)
            dz = np.where(z > 0, dh, 0.0)
            dW1 += np.outer(X[i], dz)
            db1 += dz
        data_loss /= N

        reg_loss = 0.0
        for W in (W1, W2):
            reg_loss += reg * np.sum(W * W)
        dW1 += 2.0 * reg * W1
        dW2 += 2.0 * reg * W2

        return data_loss + reg_loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

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
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                correct = 0
                pred = self.predict(X_batch)
                for i in range(len(y_batch)):
                    correct += int(pred[i] == y_batch[i])
                train_acc_history.append(correct / float(len(y_batch)))
                correct = 0
                pred = self.predict(X_val)
                for i in range(len(y_val)):
                    correct += int(pred[i] == y_val[i])
                val_acc_history.append(correct / float(len(y_val)))
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        labels = np.zeros(scores.shape[0], dtype=np.int64)
        for i in range(scores.shape[0]):
            best = 0
            for c in range(1, scores.shape[1]):
                if scores[i, c] > scores[i, best]:
                    best = c
            labels[i] = best
        return labels
