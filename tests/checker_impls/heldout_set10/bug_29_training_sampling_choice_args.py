import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    def _forward(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        z = X @ W1 + b1
        a = np.maximum(z, 0)
        return z, a, a @ W2 + b2

    def loss(self, X, y=None, reg=0.0):
        z, a, scores = self._forward(X)
        if y is None:
            return scores

        W1, W2 = self.params['W1'], self.params['W2']
        N = X.shape[0]
        onehot = np.zeros_like(scores)
        onehot[np.arange(N), y] = 1
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -np.sum(log_probs * onehot) / N + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = (np.exp(log_probs) - onehot) / N
        dz = (dscores @ W2.T) * (z > 0)
        grads = {
            'W1': X.T @ dz + 2 * reg * W1,
            'b1': dz.sum(axis=0),
            'W2': a.T @ dscores + 2 * reg * W2,
            'b2': dscores.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(batch_size, num_train)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
