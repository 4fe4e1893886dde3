import numpy as np


def _minibatches(num_train, batch_size):
    """Endless stream of minibatch indices, one fresh draw per request."""
    while True:
        yield np.random.choice(num_train, batch_size)


class TwoLayerNet:
    """Two-layer softmax classifier.

    The learning rate is not carried around and multiplied in place: it is
    recomputed from the number of epoch boundaries already passed.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.randn(input_size, hidden_size)
        W1 *= std
        W2 = np.random.randn(hidden_size, output_size)
        W2 *= std
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        pre = np.matmul(X, W1) + b1
        act = np.clip(pre, 0.0, None)
        scores = np.matmul(act, W2) + b2
        if y is None:
            return scores

        n = scores.shape[0]
        labels = np.asarray(y).reshape(-1, 1)
        centred = scores - np.amax(scores, axis=1, keepdims=True)
        log_probs = centred - np.log(np.add.reduce(np.exp(centred), axis=1, keepdims=True))
        picked = np.take_along_axis(log_probs, labels, axis=1)
        loss = -picked.sum() / n + reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        dscores = np.exp(log_probs)
        np.put_along_axis(dscores, labels, np.take_along_axis(dscores, labels, axis=1) - 1.0, axis=1)
        dscores /= n
        dact = np.matmul(dscores, W2.T)
        dpre = np.where(pre > 0, dact, 0.0)
        grads = dict(
            W1=np.matmul(X.T, dpre) + 2.0 * reg * W1,
            b1=dpre.sum(axis=0),
            W2=np.matmul(act.T, dscores) + 2.0 * reg * W2,
            b2=dscores.sum(axis=0),
        )
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        iterations_per_epoch = max(num_train // batch_size, 1)
        batches = _minibatches(num_train, batch_size)
        epochs_done = 0
        loss_history, train_acc_history, val_acc_history = [], [], []
        it = 0
        while it < num_iters:
            rows = next(batches)
            X_batch, y_batch = X[rows], y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            step = learning_rate * learning_rate_decay ** epochs_done
            for key in self.params:
                self.params[key] -= step * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                epochs_done += 1
            it += 1
        return dict(loss_history=loss_history, train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=-1)
