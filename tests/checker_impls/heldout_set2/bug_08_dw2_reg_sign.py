import numpy as np


class TwoLayerNet(object):

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

        H_in = X @ W1 + b1
        H_out = np.maximum(0, H_in)
        scores = H_out @ W2 + b2
        if y is None:
            return scores

        scores_shifted = scores - np.max(scores, axis=1, keepdims=True)
        softmax_scores = np.exp(scores_shifted)
        softmax_scores /= np.sum(softmax_scores, axis=1, keepdims=True)
        loss = np.sum(-np.log(softmax_scores[np.arange(N), y]))
        loss /= N
        loss += reg * np.sum(W1 * W1)
        loss += reg * np.sum(W2 * W2)

        grads = {}
        dout = softmax_scores
        dout[np.arange(N), y] -= 1
        dout /= N

        grads['W2'] = H_out.T @ dout
        grads['W2'] -= 2 * reg * W2
        grads['b2'] = np.sum(dout, axis=0)

        dH_out = dout @ W2.T
        dH_in = dH_out * (H_in > 0)
        grads['W1'] = X.T @ dH_in
        grads['W1'] += 2 * reg * W1
        grads['b1'] = np.sum(dH_in, axis=0)
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
            random_idxs = np.random.choice(num_train, batch_size)
            X_batch = X[random_idxs]
            y_batch = y[random_idxs]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for param_name in self.params:
                self.params[param_name] -= learning_rate * grads[param_name]

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
        return np.argmax(self.loss(X), axis=1)
