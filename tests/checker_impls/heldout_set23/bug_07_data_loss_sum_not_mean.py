"""Two-layer fully connected network: affine - ReLU - affine - softmax.

Everything is written example by example, which is slow but keeps the
maths of each step in plain sight.
"""

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
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape
        H = W1.shape[1]
        C = W2.shape[1]

        # forward, one example at a time
        hidden = np.zeros((N, H))
        scores = np.zeros((N, C))
        for i in range(N):
            pre = X[i].dot(W1) + b1
            hidden[i] = np.maximum(pre, 0)
            scores[i] = hidden[i].dot(W2) + b2

        if y is None:
            return scores

        # softmax loss, again per example
        loss = 0.0
        dscores = np.zeros_like(scores)
        for i in range(N):
            row = scores[i] - np.max(scores[i])
            log_p = row - np.log(np.sum(np.exp(row)))
            loss += -log_p[y[i]]
            dscores[i] = np.exp(log_p)
            dscores[i, y[i]] -= 1.0
        dscores /= N
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        # backward, accumulating outer products
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(N):
            dW2 += np.outer(hidden[i], dscores[i])
            db2 += dscores[i]
            dh = W2.dot(dscores[i])
            dh = dh * (hidden[i] > 0)
            dW1 += np.outer(X[i], dh)
            db1 += dh
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
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
            batch_idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[batch_idx]
            y_batch = y[batch_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for p in ('W1', 'b1', 'W2', 'b2'):
                self.params[p] -= learning_rate * grads[p]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.argmax(scores, axis=1)
        return y_pred
