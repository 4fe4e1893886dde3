import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @staticmethod
    def _log_softmax(s):
        top = np.max(s, axis=1, keepdims=True)
        return s - (top + np.log(np.sum(np.exp(s - top), axis=1, keepdims=True)))

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]

        pre = np.tensordot(X, W1, axes=([1], [0])) + b1
        post = pre.clip(min=0)
        scores = np.tensordot(post, W2, axes=([1], [0])) + b2
        if y is None:
            return scores

        logp = self._log_softmax(scores)
        loss = -np.take_along_axis(logp, np.asarray(y).reshape(-1, 1), axis=1).mean()
        loss += reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        dscores = np.exp(logp)
        np.put_along_axis(dscores, np.asarray(y).reshape(-1, 1),
                          np.take_along_axis(dscores, np.asarray(y).reshape(-1, 1), axis=1) - 1,
                          axis=1)
        dscores /= N

        dW2 = np.tensordot(post, dscores, axes=([0], [0])) + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dpost = np.tensordot(dscores, W2, axes=([1], [1]))
        dpre = np.multiply(dpost, pre > 0)
        dW1 = np.tensordot(X, dpre, axes=([0], [0])) + 2 * reg * W1
        db1 = dpre.sum(axis=0)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            Xb = np.take(X, idx, axis=0)
            yb = np.take(y, idx)
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            history['loss_history'].append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if not it % iterations_per_epoch:
                history['train_acc_history'].append(np.mean(self.predict(Xb) == yb))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
