import numpy as np


class Dense(object):
    """Fully connected layer that reads its weights from a shared params dict."""

    def __init__(self, params, w_key, b_key):
        self.params = params
        self.w_key = w_key
        self.b_key = b_key
        self.x = None

    def forward(self, x):
        self.x = x
        return x.dot(self.params[self.w_key]) + self.params[self.b_key]

    def backward(self, dout):
        self.dW = self.x.T.dot(dout)
        self.db = dout.sum(axis=0)
        return dout.dot(self.params[self.w_key].T)


class Relu(object):
    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, dout):
        return dout * self.mask


class SoftmaxCrossEntropy(object):
    def forward(self, scores, y):
        self.y = y
        shifted = scores - scores.max(axis=1, keepdims=True)
        self.log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return -np.mean(self.log_probs[np.arange(len(y)), y])

    def backward(self):
        n = len(self.y)
        d = np.exp(self.log_probs)
        d[np.arange(n), self.y] -= 1
        return d / n


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _build(self):
        # rebuilt on every call so the layers always see the current self.params
        self.fc1 = Dense(self.params, 'W1', 'b1')
        self.act = Relu()
        self.fc2 = Dense(self.params, 'W2', 'b2')
        self.criterion = SoftmaxCrossEntropy()

    def _scores(self, X):
        self._build()
        return self.fc2.forward(self.act.forward(self.fc1.forward(X)))

    def loss(self, X, y=None, reg=0.0):
        scores = self._scores(X)
        if y is None:
            return scores

        W1, W2 = self.params['W1'], self.params['W2']
        loss = self.criterion.forward(scores, y)
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = self.criterion.backward()
        dhidden = self.fc2.backward(dscores)
        self.fc1.backward(self.act.backward(dhidden))

        grads = {
            'W1': self.fc1.dW + 2 * reg * W1,
            'b1': self.fc1.db,
            'W2': self.fc2.dW + 2 * reg * W2,
            'b2': self.fc2.db,
        }
        return loss, grads

    def _sgd_step(self, grads, lr):
        for name in ('W1', 'b1', 'W2', 'b2'):
            # biases get twice the learning rate (trick from the Caffe model zoo)
            step = 2 * lr if name.startswith('b') else lr
            self.params[name] -= step * grads[name]

    def _accuracy(self, X, y):
        return (self.predict(X) == y).mean()

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate

        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[rows]
            y_batch = y[rows]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            self._sgd_step(grads, lr)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history['train_acc_history'].append(self._accuracy(X_batch, y_batch))
                history['val_acc_history'].append(self._accuracy(X_val, y_val))
                lr *= learning_rate_decay

        return history

    def predict(self, X):
        scores = self._scores(X)
        return np.argmax(scores, axis=1)
