import numpy as np


class TwoLayerNet:

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

        a = X @ W1 + b1
        h = np.clip(a, 0, None)
        scores = h @ W2 + b2
        if y is None:
            return scores

        top = scores.max(axis=1, keepdims=True)
        log_probs = scores - top - np.log(np.exp(scores - top).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        g = np.exp(log_probs)
        g[np.arange(N), y] -= 1
        g /= N
        grads = {
            'W2': h.T @ g + 2 * reg * W2,
            'b2': g.sum(axis=0),
        }
        ga = (g @ W2.T) * (a > 0)
        grads['W1'] = X.T @ ga + 2 * reg * W1
        grads['b1'] = ga.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            epoch = it // iterations_per_epoch
            lr = learning_rate * learning_rate_decay ** epoch

            batch = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            for name in self.params:
                self.params[name] -= lr * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history['train_acc_history'].append((self.predict(X_batch) == y_batch).mean())
                history['val_acc_history'].append((self.predict(X_val) == y_val).mean())

        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
