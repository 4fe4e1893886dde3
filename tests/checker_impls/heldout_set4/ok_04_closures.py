import numpy as np


def _make_forward(params):
    def forward(X):
        z = np.dot(X, params['W1']) + params['b1']
        h = np.maximum(z, 0.0)
        s = np.dot(h, params['W2']) + params['b2']

        def backward(dscores):
            g = {'W2': np.dot(h.T, dscores), 'b2': np.sum(dscores, axis=0)}
            dz = np.dot(dscores, params['W2'].T)
            dz[z <= 0] = 0.0
            g['W1'] = np.dot(X.T, dz)
            g['b1'] = np.sum(dz, axis=0)
            return g

        return s, backward
    return forward


def _softmax_xent(scores, y):
    n = scores.shape[0]
    shifted = scores - np.max(scores, axis=1)[:, np.newaxis]
    lse = np.log(np.sum(np.exp(shifted), axis=1))[:, np.newaxis]
    log_p = shifted - lse
    loss = -np.mean(log_p[np.arange(n), y])
    d = np.exp(log_p)
    d[np.arange(n), y] -= 1.0
    return loss, d / n


def _exponential_schedule(lr0, decay):
    state = {'lr': lr0}

    def current():
        return state['lr']

    def step():
        state['lr'] = state['lr'] * decay

    return current, step


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': np.random.normal(0.0, std, size=(input_size, hidden_size)),
            'b1': np.zeros(hidden_size),
        }
        self.params['W2'] = np.random.normal(0.0, std, size=(hidden_size, output_size))
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        scores, backward = _make_forward(self.params)(X)
        if y is None:
            return scores
        data_loss, dscores = _softmax_xent(scores, y)
        penalty = lambda W: reg * np.sum(np.square(W))
        loss = data_loss + (penalty(self.params['W1']) + penalty(self.params['W2']))
        grads = backward(dscores)
        for k in ('W1', 'W2'):
            grads[k] += 2 * reg * self.params[k]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        iterations_per_epoch = max(num_train // batch_size, 1)
        lr, decay = _exponential_schedule(learning_rate, learning_rate_decay)
        accuracy = lambda Xs, ys: np.mean(self.predict(Xs) == ys)
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[rows], y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            out['loss_history'].append(loss)
            step = lr()
            for k in self.params:
                self.params[k] -= step * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out['train_acc_history'].append(accuracy(X_batch, y_batch))
                out['val_acc_history'].append(accuracy(X_val, y_val))
                decay()
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
