import numpy as np


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']; b1 = self.params['b1']
        W2 = self.params['W2']; b2 = self.params['b2']
        num_train = X.shape[0]
        num_classes = W2.shape[1]

        hidden = np.maximum(X @ W1 + b1, 0)
        scores = hidden @ W2 + b2
        if y is None:
            return scores

        f = scores - np.max(scores, axis=1)[:, None]
        sum_f = np.sum(np.exp(f), axis=1)
        correct = f[np.arange(num_train), y]
        loss = np.sum(np.log(sum_f) - correct)
        loss /= num_classes
        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        p = np.exp(f) / sum_f[:, None]
        p[np.arange(num_train), y] -= 1
        p /= num_train

        dW2 = hidden.T @ p + 2 * reg * W2
        db2 = np.sum(p, axis=0)
        dhidden = p @ W2.T
        dhidden[hidden <= 0] = 0
        dW1 = X.T @ dhidden + 2 * reg * W1
        db1 = np.sum(dhidden, axis=0)
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
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in grads:
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
        return np.argmax(self.loss(X), axis=1)
