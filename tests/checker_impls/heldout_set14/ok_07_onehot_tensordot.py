import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {'W1': None, 'b1': None, 'W2': None, 'b2': None}
        self.params['W1'] = np.random.randn(input_size, hidden_size) * std
        self.params['W2'] = np.random.randn(hidden_size, output_size) * std
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {key: np.array(params[key], dtype=np.float64) for key in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        z1 = np.tensordot(X, W1, axes=1) + b1
        a1 = np.fmax(z1, 0.0)
        scores = np.tensordot(a1, W2, axes=1) + b2
        if y is None:
            return scores

        N, C = scores.shape
        Y = np.eye(C)[y]
        m = np.max(scores, axis=1, keepdims=True)
        log_probs = (scores - m) - np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))
        data_loss = -np.tensordot(Y, log_probs, axes=2) / N
        reg_loss = reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        delta2 = (np.exp(log_probs) - Y) / N
        delta1 = np.tensordot(delta2, W2, axes=(1, 1)) * (z1 > 0)
        grads = {
            'W2': np.tensordot(a1, delta2, axes=(0, 0)) + 2 * reg * W2,
            'b2': delta2.sum(axis=0),
            'W1': np.tensordot(X, delta1, axes=(0, 0)) + 2 * reg * W1,
            'b1': delta1.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        hist = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        step_size = learning_rate
        it = -1
        while it + 1 < num_iters:
            it += 1
            chosen = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[chosen], y[chosen], reg=reg)
            hist['loss_history'].append(loss)
            self.params.update({k: self.params[k] - step_size * grads[k] for k in grads})
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                hist['train_acc_history'].append(float(np.mean(self.predict(X[chosen]) == y[chosen])))
                hist['val_acc_history'].append(float(np.mean(self.predict(X_val) == y_val)))
                step_size *= learning_rate_decay
        return hist

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
