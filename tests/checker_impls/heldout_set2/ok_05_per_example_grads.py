import numpy as np


def _softmax_row(v):
    e = np.exp(v - v.max())
    return e / e.sum()


class TwoLayerNet(object):
    """Vectorised forward pass; gradients accumulated one example at a time."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        pre = X.dot(P['W1']) + P['b1']
        act = np.maximum(pre, 0)
        scores = act.dot(P['W2']) + P['b2']
        if y is None:
            return scores

        N = len(y)
        grads = {k: np.zeros_like(v) for k, v in P.items()}
        nll = []
        for xi, ai, zi, si, yi in zip(X, act, pre, scores, y):
            pi = _softmax_row(si)
            nll.append(-np.log(pi[yi]))
            gi = pi.copy()
            gi[yi] -= 1
            grads['W2'] += np.outer(ai, gi)
            grads['b2'] += gi
            gh = P['W2'].dot(gi) * (zi > 0)
            grads['W1'] += np.outer(xi, gh)
            grads['b1'] += gh
        for k in grads:
            grads[k] /= N
        grads['W1'] += 2 * reg * P['W1']
        grads['W2'] += 2 * reg * P['W2']
        loss = np.mean(nll) + reg * (np.sum(P['W1'] ** 2) + np.sum(P['W2'] ** 2))
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            picks = np.random.choice(num_train, batch_size)
            Xb, yb = X[picks], y[picks]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for key, grad in zip(sorted(self.params), [grads[k] for k in sorted(self.params)]):
                self.params[key] -= learning_rate * grad
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
