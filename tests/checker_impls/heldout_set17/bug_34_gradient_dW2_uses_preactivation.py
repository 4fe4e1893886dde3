import numpy as np


class TwoLayerNet:
    """Fully connected net: affine -> ReLU -> affine, trained on a softmax loss."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = [input_size, hidden_size, output_size]
        self.params = {}
        for i in (1, 2):
            self.params['W%d' % i] = std * np.random.randn(sizes[i - 1], sizes[i])
            self.params['b%d' % i] = np.zeros(sizes[i])

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for name in ('W1', 'b1', 'W2', 'b2'):
            net.params[name] = np.array(params[name], dtype=np.float64, copy=True)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        n = X.shape[0]
        pre = X @ W1 + b1
        hid = np.maximum(0, pre)
        scores = hid @ W2 + b2
        if y is None:
            return scores

        logits = scores - scores.max(axis=1, keepdims=True)
        lse = np.log(np.exp(logits).sum(axis=1, keepdims=True))
        logp = logits - lse
        rows = np.arange(n)
        data_loss = -logp[rows, y].mean()
        l2 = np.sum(W1 ** 2) + np.sum(W2 ** 2)
        loss = data_loss + reg * l2

        dlogits = np.exp(logp)
        dlogits[rows, y] -= 1
        dlogits /= n
        grads = {}
        grads['W2'] = pre.T @ dlogits + 2 * reg * W2
        grads['b2'] = dlogits.sum(axis=0)
        dpre = (dlogits @ W2.T) * (pre > 0)
        grads['W1'] = X.T @ dpre + 2 * reg * W1
        grads['b1'] = dpre.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train, n_features = X.shape
        iters_per_epoch = max(n_train // batch_size, 1)
        epoch = 0
        lr = learning_rate
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            batch = np.random.choice(n_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            stats['loss_history'].append(loss)

            for key, value in self.params.items():
                value -= lr * grads[key]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iters_per_epoch == 0:
                stats['train_acc_history'].append(np.mean(self.predict(X_batch) == y_batch))
                stats['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                epoch += 1
                lr = learning_rate * learning_rate_decay ** epoch

        return stats

    def predict(self, X):
        hidden = np.maximum(0, X @ self.params['W1'] + self.params['b1'])
        scores = hidden @ self.params['W2'] + self.params['b2']
        return scores.argmax(axis=1)
