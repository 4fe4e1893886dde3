"""Two-layer net; parameters are created layer by layer from the top of the diagram down."""
import numpy as np


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # (fan_in, fan_out) for each affine layer, output layer listed first like in the figure
        layer_shapes = [('2', hidden_size, output_size), ('1', input_size, hidden_size)]
        self.params = {}
        for tag, fan_in, fan_out in layer_shapes:
            self.params['W' + tag] = std * np.random.randn(fan_in, fan_out)
            self.params['b' + tag] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        num = X.shape[0]

        a = X.dot(W1) + b1
        r = np.maximum(a, 0)
        scores = r.dot(W2) + b2
        if y is None:
            return scores

        s = scores - np.max(scores, axis=1, keepdims=True)
        e = np.exp(s)
        p = e / np.sum(e, axis=1, keepdims=True)
        loss = -np.sum(np.log(p[np.arange(num), y])) / num
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        d = p.copy()
        d[np.arange(num), y] -= 1
        d /= num
        grads = {}
        grads['W2'] = r.T.dot(d) + 2 * reg * W2
        grads['b2'] = d.sum(axis=0)
        dr = d.dot(W2.T)
        da = dr * (a > 0)
        grads['W1'] = X.T.dot(da) + 2 * reg * W1
        grads['b1'] = da.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in grads:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
