import numpy as np


class TwoLayerNet(object):
    """Two-layer net (affine - ReLU - affine - softmax) written sample by sample.

    The loss and its gradients are accumulated with an explicit loop over the
    examples of the batch; it is slow but each line maps to one equation.
    """

    PARAM_NAMES = ('W1', 'b1', 'W2', 'b2')

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        N = X.shape[0]
        C = W2.shape[1]

        if y is None:
            scores = np.zeros((N, C))
            for i in range(N):
                z = X[i].dot(W1) + b1
                h = np.maximum(z, 0)
                scores[i] = h.dot(W2) + b2
            return scores

        loss = 0.0
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(N):
            # forward for one example
            z = X[i].dot(W1) + b1
            h = np.maximum(z, 0)
            s = h.dot(W2) + b2
            s = s - np.max(s)
            p = np.exp(s) / np.sum(np.exp(s))
            loss += -np.log(p[y[i]])

            # backward for one example
            ds = p.copy()
            ds[y[i]] -= 1
            dW2 += np.outer(h, ds)
            db2 += ds
            dh = W2.dot(ds)
            dz = dh * (z > 0)
            dW1 += np.outer(X[i], dz)
            db1 += dz

        loss /= N
        dW1 /= N
        db1 /= N
        dW2 /= N
        db2 /= N

        # L2 regularisation of the weights
        loss += reg * (np.sum(W1.T.dot(W1)) + np.sum(W2.T.dot(W2)))
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        # The step size of every iteration, worked out up front: the rate is
        # multiplied by the decay after the last iteration of each epoch.
        rates = np.empty(num_iters)
        lr = learning_rate
        for it in range(num_iters):
            rates[it] = lr
            if it % iterations_per_epoch == 0:
                lr *= learning_rate_decay

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in self.PARAM_NAMES:
                np.subtract(self.params[name], rates[it] * grads[name], out=self.params[name])

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(self._accuracy(self.predict(X_batch), y_batch))
                val_acc_history.append(self._accuracy(self.predict(X_val), y_val))

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    @staticmethod
    def _accuracy(pred, labels):
        return np.sum(pred == labels) / labels.shape[0]

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.zeros(X.shape[0], dtype=int)
        for i in range(X.shape[0]):
            y_pred[i] = np.argmax(scores[i])
        return y_pred
