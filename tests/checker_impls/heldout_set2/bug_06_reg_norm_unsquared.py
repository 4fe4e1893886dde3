import numpy as np


class TwoLayerNet:
    """affine -> relu -> affine -> softmax, L2-regularised."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params['W1'], self.params['b1'], self.params['W2'], self.params['b2']
        n = X.shape[0]
        idx = np.arange(n)

        s1 = X @ W1 + b1
        o1 = np.maximum(s1, 0)
        s2 = o1 @ W2 + b2
        if y is None:
            return s2

        shifted = s2 - s2.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -log_p[idx, y].mean()
        reg_loss = reg * (np.linalg.norm(W1) + np.linalg.norm(W2))
        loss = data_loss + reg_loss

        d2 = np.exp(log_p)
        d2[idx, y] -= 1
        d2 /= n
        dW2 = o1.T @ d2 + 2 * reg * W2
        db2 = d2.sum(axis=0)
        d1 = (d2 @ W2.T) * (s1 > 0)
        dW1 = X.T @ d1 + 2 * reg * W1
        db1 = d1.sum(axis=0)
        return loss, dict(W1=dW1, b1=db1, W2=dW2, b2=db2)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample], y[sample]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print(f'iteration {it} / {num_iters}: loss {loss}')
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
