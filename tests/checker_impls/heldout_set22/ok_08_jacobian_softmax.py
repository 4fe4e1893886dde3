import numpy as np


class TwoLayerNet:
    """Backward pass through the softmax written with its full Jacobian, row by row."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.randn(input_size, hidden_size)
        W2 = np.random.randn(hidden_size, output_size)
        self.params = {'W1': W1 * std, 'b1': np.zeros(hidden_size),
                       'W2': W2 * std, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _scores(self, X):
        p = self.params
        pre = np.dot(X, p['W1']) + p['b1']
        hid = pre * (pre > 0)
        return pre, hid, np.dot(hid, p['W2']) + p['b2']

    def loss(self, X, y=None, reg=0.0):
        pre, hid, scores = self._scores(X)
        if y is None:
            return scores
        p = self.params
        n, c = scores.shape
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        data_loss = -np.log(probs[np.arange(n), y]).sum() / n

        # dL/dp_i = -1/p_{y_i} at the label, 0 elsewhere; ds_i = J_i^T dp_i, J = diag(p) - p p^T
        dscores = np.empty_like(scores)
        for i in range(n):
            dp = np.zeros(c)
            dp[y[i]] = -1.0 / probs[i, y[i]]
            J = np.diag(probs[i]) - np.outer(probs[i], probs[i])
            dscores[i] = J.T.dot(dp) / n

        dpre = dscores.dot(p['W2'].T) * (pre > 0)
        grads = {'W1': X.T.dot(dpre) + 2 * reg * p['W1'],
                 'b1': dpre.sum(axis=0),
                 'W2': hid.T.dot(dscores) + 2 * reg * p['W2'],
                 'b2': dscores.sum(axis=0)}
        return data_loss + reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2)), grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        ipe = max(num_train // batch_size, 1)
        hist = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        epochs_started = 0
        for it in range(num_iters):
            lr = learning_rate * learning_rate_decay ** epochs_started
            pick = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[pick], y=y[pick], reg=reg)
            hist['loss_history'].append(loss)
            for name in grads:
                self.params[name] -= lr * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % ipe == 0:
                hist['train_acc_history'].append(np.mean(self.predict(X[pick]) == y[pick]))
                hist['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                epochs_started += 1
        return hist

    def predict(self, X):
        return np.argmax(self._scores(X)[2], axis=1)
