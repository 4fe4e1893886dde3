import numpy as np


class TwoLayerNet(object):
    """
    input - fully connected layer - ReLU - fully connected layer - softmax
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        h = np.dot(X, W1) + b1
        h_relu = h * (h > 0)
        scores = np.dot(h_relu, W2)

        # If the targets are not given then jump out, we're done
        if y is None:
            return scores

        scores += b2
        scores -= np.max(scores, axis=1).reshape(-1, 1)
        exp_s = np.exp(scores)
        sum_exp = np.sum(exp_s, axis=1).reshape(-1, 1)
        P = exp_s / sum_exp
        loss = np.mean(-np.log(P[np.arange(N), y]))
        loss += reg * np.sum(W1 * W1)
        loss += reg * np.sum(W2 * W2)

        grads = {}
        dS = P
        dS[np.arange(N), y] += -1
        dS = dS / N
        grads['b2'] = np.sum(dS, axis=0)
        grads['W2'] = np.dot(h_relu.T, dS) + 2 * reg * W2
        dh = np.dot(dS, W2.T) * (h > 0)
        grads['b1'] = np.sum(dh, axis=0)
        grads['W1'] = np.dot(X.T, dh) + 2 * reg * W1
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
            rand_idx = np.random.choice(num_train, batch_size)
            X_batch = X[rand_idx]
            y_batch = y[rand_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for param_name in ['W1', 'b1', 'W2', 'b2']:
                self.params[param_name] += -learning_rate * grads[param_name]

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
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        hidden = np.maximum(0, X.dot(W1) + b1)
        return np.argmax(hidden.dot(W2) + b2, axis=1)
