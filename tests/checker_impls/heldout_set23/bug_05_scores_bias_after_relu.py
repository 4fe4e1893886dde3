import numpy as np


class TwoLayerNet:
    """Softmax classifier with one ReLU hidden layer.

    The log-partition is computed with np.logaddexp.reduce and the correct-class
    entries are gathered with take_along_axis.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        params = self.params
        hidden_in = np.dot(X, params['W1'])
        relu_mask = hidden_in > 0
        hidden_out = hidden_in * relu_mask + params['b1']
        scores = np.dot(hidden_out, params['W2']) + params['b2']
        if y is None:
            return scores

        y = np.asarray(y)
        m = len(y)
        log_norm = np.logaddexp.reduce(scores, axis=1, keepdims=True)
        log_probs = scores - log_norm
        picked = np.take_along_axis(log_probs, y[:, None], axis=1)
        data_loss = -picked.mean()
        reg_loss = reg * sum((params[k] ** 2).sum() for k in ('W1', 'W2'))
        loss = data_loss + reg_loss

        delta = np.exp(log_probs)
        np.put_along_axis(delta, y[:, None], np.take_along_axis(delta, y[:, None], axis=1) - 1, axis=1)
        delta /= m

        grads = {
            'W2': hidden_out.T.dot(delta) + 2 * reg * params['W2'],
            'b2': delta.sum(0),
        }
        back = delta.dot(params['W2'].T) * relu_mask
        grads['W1'] = X.T.dot(back) + 2 * reg * params['W1']
        grads['b1'] = back.sum(0)
        return loss, grads

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        lr = learning_rate
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[batch], y=y[batch], reg=reg)
            loss_history.append(loss)

            for k, g in grads.items():
                self.params[k] -= lr * g

            if verbose and it % 100 == 0:
                print(f'iteration {it} / {num_iters}: loss {loss:f}')

            if it % epoch_len == 0:
                train_acc_history.append(self._accuracy(X[batch], y[batch]))
                val_acc_history.append(self._accuracy(X_val, y_val))
                lr *= learning_rate_decay

        return dict(loss_history=loss_history,
                    train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        return self.loss(X).argmax(axis=-1)
