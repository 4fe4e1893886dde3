import numpy as np


def _minibatches(num_train, batch_size, num_iters):
    """Lazily draw one minibatch of indices per iteration (with replacement)."""
    for _ in range(num_iters):
        yield np.random.choice(num_train, batch_size)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {'W1': W1, 'b1': 0.0 * np.ones(hidden_size),
                       'W2': W2, 'b2': 0.0 * np.ones(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        net.params.update((k, np.array(params[k], dtype=np.float64)) for k in ('W1', 'b1', 'W2', 'b2'))
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        hidden_in = X @ P['W1'] + P['b1']
        gate = (hidden_in > 0).astype(np.float64)
        hidden = hidden_in * gate
        scores = hidden @ P['W2'] + P['b2']
        if y is None:
            return scores

        N = len(y)
        z = scores - scores.max(axis=-1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        nll = -logp[np.arange(N), y]
        loss = nll.mean() + reg * ((P['W1'] ** 2).sum() + (P['W2'] ** 2).sum())

        delta = np.exp(logp)
        np.subtract.at(delta, (np.arange(N), y), 1.0)
        delta /= N
        back = (delta @ P['W2'].T) * gate
        grads = {
            'W1': X.T @ back + 2 * reg * P['W1'],
            'b1': back.sum(axis=0),
            'W2': hidden.T @ delta + 2 * reg * P['W2'],
            'b2': delta.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        decays_done = 0
        for it, idx in enumerate(_minibatches(num_train, batch_size, num_iters)):
            lr = learning_rate * learning_rate_decay ** decays_done
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, yb, reg)
            stats['loss_history'].append(loss)
            for name, g in grads.items():
                self.params[name] -= lr * g
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats['train_acc_history'].append((self.predict(Xb) == yb).mean())
                stats['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                decays_done += 1
        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
