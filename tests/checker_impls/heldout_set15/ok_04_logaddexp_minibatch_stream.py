import numpy as np


def _batches(num_train, batch_size, count):
    """Yield one freshly drawn minibatch of indices per SGD step."""
    for _ in range(count):
        yield np.random.choice(num_train, batch_size)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = (('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size)))
        self.params = {}
        for name, shape in shapes:
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        hidden_pre = np.dot(X, W1) + b1
        hidden = np.maximum(0, hidden_pre)
        scores = np.dot(hidden, W2) + b2
        if y is None:
            return scores

        n = len(scores)
        # log-sum-exp reduced pairwise with logaddexp, which never overflows
        log_z = np.logaddexp.reduce(scores, axis=1)
        log_probs = scores - log_z[:, np.newaxis]
        picked = np.take_along_axis(log_probs, np.asarray(y).reshape(-1, 1), axis=1)
        loss = -picked.mean() + reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        dscores = np.exp(log_probs)
        dscores[np.arange(n), y] -= 1
        dscores /= n
        dW2 = np.dot(hidden.T, dscores) + 2 * reg * W2
        db2 = dscores.sum(0)
        dpre = np.dot(dscores, W2.T) * (hidden_pre > 0)
        dW1 = np.dot(X.T, dpre) + 2 * reg * W1
        db1 = dpre.sum(0)
        return loss, dict(W1=dW1, b1=db1, W2=dW2, b2=db2)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        steps_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        until_boundary = 0
        for it, idx in enumerate(_batches(num_train, batch_size, num_iters)):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key, grad in grads.items():
                self.params[key] -= lr * grad
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if until_boundary == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
                until_boundary = steps_per_epoch
            until_boundary -= 1
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
