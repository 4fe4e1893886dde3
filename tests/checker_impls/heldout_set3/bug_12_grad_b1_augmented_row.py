import numpy as np


class TwoLayerNet:
    """First layer uses the bias trick: a column of ones is prepended to X and
    b1 is stacked on top of W1, so one matmul does both."""

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

        X_aug = np.hstack([np.ones((N, 1)), X])          # (N, D+1)
        W1_aug = np.vstack([b1[np.newaxis, :], W1])      # (D+1, H)
        hidden_pre = X_aug @ W1_aug
        hidden = np.maximum(hidden_pre, 0)
        scores = hidden @ W2 + b2
        if y is None:
            return scores

        top = scores.max(axis=1, keepdims=True)
        log_probs = scores - top - np.log(np.exp(scores - top).sum(axis=1, keepdims=True))
        data_loss = -np.mean(log_probs[np.arange(N), y])
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N

        dW2 = hidden.T @ dscores + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dhidden_pre = (dscores @ W2.T) * (hidden_pre > 0)
        dW1_aug = X_aug.T @ dhidden_pre                  # (D+1, H)
        dW1 = dW1_aug[1:] + 2 * reg * W1
        db1 = dW1_aug[-1]
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sel], y[sel]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in ('W1', 'b1', 'W2', 'b2'):
                self.params[key] = self.params[key] - learning_rate * grads[key]
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
        return np.argmax(self.loss(X), axis=1)
