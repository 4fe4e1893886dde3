import numpy as np


class TwoLayerNet(object):
    """Hidden units fire when w.x exceeds their threshold b1."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]

        net1 = X.dot(W1) - b1
        out1 = np.maximum(0, net1)
        scores = out1.dot(W2) + b2
        if y is None:
            return scores

        mx = np.max(scores, axis=1, keepdims=True)
        e = np.exp(scores - mx)
        soft = e / np.sum(e, axis=1, keepdims=True)
        loss = np.mean(-np.log(soft[np.arange(N), y]))
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dsc = soft.copy()
        dsc[np.arange(N), y] -= 1
        dsc /= N
        dW2 = out1.T.dot(dsc) + 2 * reg * W2
        db2 = dsc.sum(axis=0)
        dout1 = dsc.dot(W2.T)
        dnet1 = dout1 * (net1 > 0)
        dW1 = X.T.dot(dnet1) + 2 * reg * W1
        db1 = -dnet1.sum(axis=0)   # d(net1)/d(b1) = -1

        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

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
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for p in self.params:
                self.params[p] -= learning_rate * grads[p]

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
