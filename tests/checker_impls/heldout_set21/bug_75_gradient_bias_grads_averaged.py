import numpy as np


class _Affine:
    """Fully-connected layer reading its weights from a shared params dict."""

    def __init__(self, params, w_key, b_key):
        self.params, self.w_key, self.b_key = params, w_key, b_key

    def forward(self, x):
        self.x = x
        return x.dot(self.params[self.w_key]) + self.params[self.b_key]

    def backward(self, dout):
        grads = {self.w_key: self.x.T.dot(dout), self.b_key: dout.mean(axis=0)}
        return dout.dot(self.params[self.w_key].T), grads


class _ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class TwoLayerNet(object):
    """Layer objects chained together, with a log-sum-exp softmax head."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
        }
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _layers(self):
        return [_Affine(self.params, 'W1', 'b1'), _ReLU(), _Affine(self.params, 'W2', 'b2')]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        scores = out
        if y is None:
            return scores

        N = X.shape[0]
        rows = np.arange(N)
        log_norm = np.logaddexp.reduce(scores, axis=1)
        data_loss = np.mean(log_norm - scores[rows, y])
        weights = [self.params['W1'], self.params['W2']]
        loss = data_loss + reg * sum(np.vdot(w, w) for w in weights)

        dout = np.exp(scores - log_norm[:, None])
        np.add.at(dout, (rows, y), -1.0)
        dout /= N

        grads = {}
        for layer in reversed(layers):
            if isinstance(layer, _Affine):
                dout, g = layer.backward(dout)
                grads.update(g)
            else:
                dout = layer.backward(dout)
        for key in ('W1', 'W2'):
            grads[key] = grads[key] + 2 * reg * self.params[key]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_size = max(num_train // batch_size, 1)
        all_rows = np.arange(num_train)
        record = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            idx = np.random.choice(all_rows, size=batch_size, replace=True)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            record['loss_history'].append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % epoch_size == 0:
                record['train_acc_history'].append((self.predict(X_batch) == y_batch).mean())
                record['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return record

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
