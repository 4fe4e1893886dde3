"""Two-layer fully connected classifier: affine - ReLU - affine - softmax."""

import numpy as np


def _relu(a):
    return np.maximum(a, 0.0)


class TwoLayerNet(object):
    """Parameters are kept in self.params under 'W1', 'b1', 'W2', 'b2'."""

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

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]

        pre = np.dot(X, W1) + b1
        hidden = _relu(pre)
        scores = np.dot(hidden, W2) + b2
        if y is None:
            return scores

        top = np.max(scores, axis=1, keepdims=True)
        e = np.exp(scores - top)
        denom = np.sum(e, axis=1, keepdims=True)
        probs = e / denom
        # log p_y = (s_y - top) - log(denom), which stays finite when p_y underflows
        log_correct = (scores - top)[np.arange(N), y] - np.log(denom[:, 0])
        data_loss = -np.sum(log_correct) / N
        reg_loss = reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)
        loss = data_loss + reg_loss

        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1.0
        dscores /= N

        grads = {}
        grads['W2'] = np.dot(hidden.T, dscores) + 2.0 * reg * W2
        grads['b2'] = np.sum(dscores, axis=0)
        dhidden = np.dot(dscores, W2.T)
        dhidden[pre <= 0] = 0.0
        grads['W1'] = np.dot(X.T, dhidden) + 2.0 * reg * W1
        grads['b1'] = np.sum(dhidden, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = np.full(num_iters, 0)
        train_acc_history, val_acc_history = [], []
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history[it] = loss

            for key, value in self.params.items():
                value -= learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = np.mean(self.predict(X_batch) == y_batch)
                val_acc = np.mean(self.predict(X_val) == y_val)
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
        return np.argmax(scores, axis=1)
