import numpy as np


def _affine(x, w, b):
    return np.dot(x, w) + b


def _relu(x):
    return np.maximum(x, 0.0)


def _softmax_loss(scores, y):
    num = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    sum_exp = np.sum(np.exp(shifted), axis=1, keepdims=True)
    log_probs = shifted - np.log(sum_exp)
    loss = -np.mean(log_probs[np.arange(num), y])
    dscores = np.exp(log_probs)
    dscores[np.arange(num), y] -= 1
    dscores /= num
    return loss, dscores


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
        self.params['W1'] = np.random.randn(input_size, hidden_size) * std
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = np.random.randn(hidden_size, output_size) * std
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict()
        for key in ['W1', 'b1', 'W2', 'b2']:
            net.params[key] = np.asarray(params[key], dtype=np.float64).copy()
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']

        pre = _affine(X, W1, b1)
        act = _relu(pre)
        scores = _relu(_affine(act, W2, b2))

        if y is None:
            return scores

        data_loss, dscores = _softmax_loss(scores, y)
        l2 = np.sum(np.square(W1)) + np.sum(np.square(W2))
        loss = data_loss + reg * l2

        dW2 = np.dot(act.T, dscores)
        db2 = np.sum(dscores, axis=0)
        dact = np.dot(dscores, W2.T)
        dpre = np.where(pre > 0, dact, 0.0)
        dW1 = np.dot(X.T, dpre)
        db1 = np.sum(dpre, axis=0)

        dW2 += 2 * reg * W2
        dW1 += 2 * reg * W1

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3,
              learning_rate_decay=0.95, reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history, train_acc_history, val_acc_history = [], [], []

        it = 0
        while it < num_iters:
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample]
            y_batch = y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params['W1'] -= learning_rate * grads['W1']
            self.params['b1'] -= learning_rate * grads['b1']
            self.params['W2'] -= learning_rate * grads['W2']
            self.params['b2'] -= learning_rate * grads['b2']

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

            it += 1

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        hidden = _relu(_affine(X, W1, b1))
        scores = _affine(hidden, W2, b2)
        return np.argmax(scores, axis=1)
