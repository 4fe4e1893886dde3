import numpy as np


class Affine:
    def __init__(self, params, w_key, b_key):
        self.params, self.w_key, self.b_key = params, w_key, b_key
        self.x = None

    def forward(self, x):
        self.x = x
        return x @ self.params[self.w_key] + self.params[self.b_key]

    def backward(self, dout):
        dw = self.x.T @ dout
        db = dout.sum(axis=0)
        dx = dout @ self.params[self.w_key].T
        return dx, dw, db


class ReLU:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return np.maximum(x, 0)

    def backward(self, dout):
        return dout * self.mask


class SoftmaxCrossEntropy:
    def __init__(self):
        self.probs = None
        self.labels = None

    def forward(self, scores, labels):
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.probs = np.exp(log_probs)
        self.labels = labels
        return -log_probs[np.arange(scores.shape[0]), labels].mean()

    def backward(self):
        n = self.probs.shape[0]
        d = self.probs.copy()
        d[np.arange(n), self.labels] -= 1.0
        return d / n


class TwoLayerNet:
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

    def _layers(self):
        # rebuilt on every call so they always see the current self.params
        return Affine(self.params, 'W1', 'b1'), ReLU(), Affine(self.params, 'W2', 'b2')

    def loss(self, X, y=None, reg=0.0):
        fc1, act, fc2 = self._layers()
        scores = fc2.forward(act.forward(fc1.forward(X)))
        if y is None:
            return scores

        criterion = SoftmaxCrossEntropy()
        W1, W2 = self.params['W1'], self.params['W2']
        loss = criterion.forward(scores, y) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dh, dW2, db2 = fc2.backward(criterion.backward())
        _, dW1, db1 = fc1.backward(act.backward(dh))
        grads = {'W1': dW1 + 2 * reg * W1, 'b1': db1,
                 'W2': dW2 + 2 * reg * W2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
