import math

import numpy as np


class TwoLayerNet:
    """affine -> ReLU -> affine -> softmax, written one example at a time."""

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
        for name in ('W1', 'b1', 'W2', 'b2'):
            net.params[name] = np.array(params[name], dtype=np.float64)
        return net

    def _example_forward(self, x):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        z = x.dot(W1) + b1
        h = np.maximum(z, 0)
        return z, h, h.dot(W2) + b2

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]
        C = W2.shape[1]

        scores = np.empty((N, C))
        pre = [None] * N
        hid = [None] * N
        for i in range(N):
            pre[i], hid[i], scores[i] = self._example_forward(X[i])
        if y is None:
            return scores

        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        data_loss = 0.0
        for i in range(N):
            s = scores[i]
            label = y[i]
            top = s.max()
            log_z = top + math.log(np.exp(s - top).sum())
            data_loss += log_z - s[label]

            ds = np.exp(s - log_z)
            ds[label] -= 1.0
            ds /= N
            dW2 += np.outer(hid[i], ds)
            db2 += ds
            dh = W2.dot(ds)
            dz = dh * (pre[i] > 0)
            dW1 += np.outer(X[i], dz)
            db1 += dz

        loss = data_loss / N + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(self._accuracy(X_batch, y_batch))
                val_acc_history.append(self._accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def _accuracy(self, X, y):
        pred = self.predict(X)
        hits = 0
        for i in range(len(pred)):
            if pred[i] == y[i]:
                hits += 1
        return np.float64(hits) / len(pred)

    def predict(self, X):
        scores = self.loss(X)
        labels = np.empty(scores.shape[0], dtype=np.intp)
        for i in range(scores.shape[0]):
            best = 0
            for c in range(1, scores.shape[1]):
                current = scores[i, best]
                if current != current:  # a nan counts as the maximum, first one wins
                    break
                candidate = scores[i, c]
                if candidate != candidate or candidate > current:
                    best = c
            labels[i] = best
        return labels
