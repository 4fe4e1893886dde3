import numpy as np


class TwoLayerNet(object):
    """Fully connected net: affine - relu - affine - softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # std is the spread of the initial weights; randn has unit variance, so scale
        # by its square root to get that variance
        scale = np.sqrt(std)
        self.params = {
            'W1': scale * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': scale * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        N = X.shape[0]
        h_in = X @ W1 + b1
        h = h_in * (h_in > 0)
        scores = h @ W2 + b2
        if y is None:
            return scores

        scores_shift = scores - scores.max(axis=1)[:, np.newaxis]
        sum_exp = np.exp(scores_shift).sum(axis=1)
        correct = scores_shift[np.arange(N), y]
        loss = np.mean(np.log(sum_exp) - correct) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = np.exp(scores_shift) / sum_exp[:, np.newaxis]
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dh = dscores @ W2.T
        dh_in = dh * (h_in > 0)
        grads = {
            'W1': X.T @ dh_in + 2 * reg * W1,
            'b1': np.sum(dh_in, axis=0),
            'W2': h.T @ dscores + 2 * reg * W2,
            'b2': np.sum(dscores, axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            ix = np.random.choice(num_train, batch_size)
            X_batch = X[ix]
            y_batch = y[ix]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for p in self.params:
                self.params[p] -= learning_rate * grads[p]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
