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
        N = X.shape[0]

        h_in = X @ W1 + b1
        h = np.maximum(0, h_in)
        scores = h @ W2 + b2
        if y is None:
            return scores

        # log-sum-exp trick for a stable cross-entropy
        m = np.max(scores, axis=1, keepdims=True)
        e = np.exp(scores - m)
        lse = np.log(np.sum(e, axis=1))
        data_loss = np.mean(lse - scores[np.arange(N), y])
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        probs = e / np.sum(e, axis=1, keepdims=True)
        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N

        grads = {}
        grads['W2'] = h.T @ dscores + 2 * reg * W2
        grads['b2'] = dscores.sum(axis=0)
        dh = dscores @ W2.T
        dh_in = np.where(h_in > 0, dh, 0.0)
        grads['W1'] = X.T @ dh_in + 2 * reg * W1
        grads['b1'] = dh_in.sum(axis=0)
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

            for k, v in self.params.items():
                v -= learning_rate * grads[k]

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
