import numpy as np


class TwoLayerNet(object):

    predict_chunk = 128

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        u = X.dot(W1) + b1
        v = np.maximum(u, 0)
        scores = v.dot(W2) + b2
        if y is None:
            return scores

        s = scores - scores.max(axis=1, keepdims=True)
        log_probs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        ds = np.exp(log_probs)
        ds[np.arange(N), y] -= 1
        ds /= N
        du = ds.dot(W2.T) * (u > 0)
        grads = {'W1': X.T.dot(du) + 2 * reg * W1, 'b1': du.sum(axis=0),
                 'W2': v.T.dot(ds) + 2 * reg * W2, 'b2': ds.sum(axis=0)}
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
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

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
        N = X.shape[0]
        y_pred = np.zeros(N, dtype=np.int64)
        if N <= self.predict_chunk:
            return np.argmax(self.loss(X), axis=1)
        for k in range(N // self.predict_chunk):
            lo = k * self.predict_chunk
            hi = lo + self.predict_chunk
            y_pred[lo:hi] = np.argmax(self.loss(X[lo:hi]), axis=1)
        return y_pred
