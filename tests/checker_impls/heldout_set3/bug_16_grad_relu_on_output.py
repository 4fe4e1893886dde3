import numpy as np


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def _layer(self, x, W, b):
        """fully connected layer followed by a ReLU; returns output and cache"""
        pre = x.dot(W) + b
        return np.maximum(pre, 0), (x, pre)

    def _layer_backward(self, dout, W, cache):
        x, pre = cache
        dpre = dout * (pre > 0)
        return dpre.dot(W.T), x.T.dot(dpre), dpre.sum(axis=0)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]

        h, cache1 = self._layer(X, W1, b1)
        scores, cache2 = self._layer(h, W2, b2)
        if y is None:
            return scores

        shifted = scores - np.max(scores, axis=1, keepdims=True)
        exps = np.exp(shifted)
        probs = exps / np.sum(exps, axis=1, keepdims=True)
        loss = np.mean(-np.log(probs[np.arange(N), y]))
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N

        dh, dW2, db2 = self._layer_backward(dscores, W2, cache2)
        _, dW1, db1 = self._layer_backward(dh, W1, cache1)

        grads = {'W1': dW1 + 2 * reg * W1, 'b1': db1,
                 'W2': dW2 + 2 * reg * W2, 'b2': db2}
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
            batch_ix = np.random.choice(num_train, batch_size)
            X_batch = X[batch_ix]
            y_batch = y[batch_ix]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
