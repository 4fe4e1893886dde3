"""neural_net.py as it came out of a long notebook session (leftovers kept on purpose)."""
import numpy as np
# import matplotlib.pyplot as plt   # only the plotting cell needed this
# from cs682.gradient_check import eval_numerical_gradient

DEBUG = False
_debug_log = []  # only filled when DEBUG is on


def _log(*msg):
    if DEBUG:
        _debug_log.append(msg)
        print(*msg)


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # self.params = {'W1': 0.01 * np.random.randn(input_size, hidden_size)}   # first try
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        hidden = np.einsum('nd,dh->nh', X, W1) + b1
        # hidden = np.where(hidden > 0, hidden, 0.01 * hidden)   # leaky relu: no better
        hidden = np.clip(hidden, 0, None)                          # relu
        scores = np.einsum('nh,hc->nc', hidden, W2) + b2
        _log('scores', scores.shape)
        if y is None:
            return scores

        exp_scores = np.exp(scores - scores.max(axis=1)[:, None])
        probs = exp_scores / exp_scores.sum(axis=1)[:, None]
        # print(probs.sum(axis=1))   # sanity check: all ones
        data_loss = -np.log(probs[range(N), y]).mean()
        # reg_loss = 0.5 * reg * (np.sum(W1**2) + np.sum(W2**2))   # the old assignment's convention
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        grads = {}
        dscores = probs
        dscores[range(N), y] -= 1
        dscores /= N
        grads['W2'] = np.einsum('nh,nc->hc', hidden, dscores) + 2 * reg * W2
        grads['b2'] = dscores.sum(0)
        dhidden = np.einsum('nc,hc->nh', dscores, W2)
        dhidden *= (hidden > 0)
        grads['W1'] = np.einsum('nd,nh->dh', X, dhidden) + reg * W1
        grads['b1'] = dhidden.sum(0)
        # _ = eval_numerical_gradient(lambda W: self.loss(X, y, reg)[0], W1)   # took forever
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            # idx = np.arange(it * batch_size, (it + 1) * batch_size) % num_train   # sequential, dropped
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            # self.params[key] -= learning_rate * np.clip(grads[key], -5, 5)   # clipping, unnecessary

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                _log('epoch', it // iterations_per_epoch, 'lr', learning_rate)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        # y_pred = np.argmax(softmax(self.loss(X)), axis=1)   # softmax does not change the argmax
        y_pred = np.argmax(self.loss(X), axis=1)
        return y_pred
