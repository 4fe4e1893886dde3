import numpy as np


class TwoLayerNet:
    # Two layer net, CS231n assignment 1.

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        out1 = X @ W1 + b1
        relu_out = np.maximum(out1, 0)
        scores = relu_out @ W2 + b2
        if y is None:
            return scores

        exp_s = np.exp(scores - scores.max(axis=1, keepdims=True))
        p = exp_s / exp_s.sum(axis=1, keepdims=True)
        loss = -np.log(p[np.arange(N), y]).mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        grads = {}
        d_scores = p
        d_scores[np.arange(N), y] -= 1
        d_scores /= N

        grads['W2'] = relu_out.T @ d_scores + 2 * reg * W2
        grads['b2'] = d_scores.sum(axis=0)

        d_relu = d_scores @ W2.T
        grads['b1'] = d_relu.sum(axis=0)
        d_out1 = d_relu * (out1 > 0)
        grads['W1'] = X.T @ d_out1 + 2 * reg * W1
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
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for param in self.params:
                self.params[param] -= learning_rate * grads[param]

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
