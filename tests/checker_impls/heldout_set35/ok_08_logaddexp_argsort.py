import numpy as np


class TwoLayerNet(object):
    """Two-layer softmax net; log-sum-exp via np.logaddexp, labels via a stable sort."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = [('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))]
        self.params = {}
        for name, shape in shapes:                 # W1 is drawn before W2
            self.params[name] = std * np.random.standard_normal(shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        pre = np.dot(X, P['W1']) + P['b1'][np.newaxis, :]
        gate = np.heaviside(pre, 0.0)             # 1 where pre > 0, else 0
        hid = pre * gate
        scores = np.dot(hid, P['W2']) + P['b2'][np.newaxis, :]
        if y is None:
            return scores

        N = len(y)
        lse = np.logaddexp.reduce(scores, axis=1)          # (N,)
        picked = np.take_along_axis(scores, y[:, np.newaxis], axis=1)[:, 0]
        data_loss = np.mean(lse) - np.mean(picked)
        reg_loss = reg * (np.tensordot(P['W1'], P['W1']) + np.tensordot(P['W2'], P['W2']))

        dS = np.exp(scores - lse[:, np.newaxis])
        np.put_along_axis(dS, y[:, np.newaxis],
                          np.take_along_axis(dS, y[:, np.newaxis], axis=1) - 1.0, axis=1)
        dS /= N
        dH = np.dot(dS, P['W2'].T) * gate
        grads = {
            'W1': np.dot(X.T, dH) + 2 * reg * P['W1'],
            'b1': dH.sum(axis=0),
            'W2': np.dot(hid.T, dS) + 2 * reg * P['W2'],
            'b2': dS.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        full_epochs, _ = divmod(num_train, batch_size)
        iterations_per_epoch = full_epochs or 1

        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        it = 0
        while it < num_iters:
            sel = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X.take(sel, axis=0), y.take(sel)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            self.params.update({k: self.params[k] - learning_rate * g for k, g in grads.items()})

            if verbose and not it % 100:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if not it % iterations_per_epoch:
                history['train_acc_history'].append(np.mean(self.predict(X_batch) == y_batch))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
            it += 1
        return history

    def predict(self, X):
        scores = self.loss(X)
        # first column of a stable descending sort = first index of the row maximum
        return np.argsort(-scores, axis=1, kind='stable')[:, 0]
