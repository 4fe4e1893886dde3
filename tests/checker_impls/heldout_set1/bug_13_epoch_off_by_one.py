import numpy as np


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]
        h_in = np.dot(X, W1) + b1
        h_out = np.maximum(h_in, 0)
        scores = np.dot(h_out, W2) + b2
        if y is None:
            return scores

        z = scores - scores.max(1, keepdims=True)
        expz = np.exp(z)
        P = expz / expz.sum(1, keepdims=True)
        loss = -np.log(P[np.arange(N), y]).mean()
        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        dz = P
        dz[np.arange(N), y] -= 1
        dz /= N
        dh_out = np.dot(dz, W2.T)
        dh_in = dh_out * (h_in > 0)
        grads = {
            'W1': np.dot(X.T, dh_in) + 2 * reg * W1,
            'b1': np.sum(dh_in, 0),
            'W2': np.dot(h_out.T, dz) + 2 * reg * W2,
            'b2': np.sum(dz, 0),
        }
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
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # an epoch is over after iterations_per_epoch steps
            if (it + 1) % iterations_per_epoch == 0:
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
