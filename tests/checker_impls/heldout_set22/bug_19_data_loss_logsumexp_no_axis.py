import numpy as np


def log_softmax(scores):
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted)))


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        n = X.shape[0]
        z1 = np.einsum('nd,dh->nh', X, p['W1']) + p['b1']
        a1 = np.maximum(z1, 0)
        scores = np.einsum('nh,hc->nc', a1, p['W2']) + p['b2']
        if y is None:
            return scores

        lp = log_softmax(scores)
        loss = -lp[np.arange(n), y].mean()
        loss += reg * (np.einsum('ij,ij->', p['W1'], p['W1']) + np.einsum('ij,ij->', p['W2'], p['W2']))

        g = np.exp(lp)
        g[np.arange(n), y] -= 1
        g /= n
        dz1 = np.einsum('nc,hc->nh', g, p['W2']) * (z1 > 0)
        grads = {'W2': np.einsum('nh,nc->hc', a1, g) + 2 * reg * p['W2'],
                 'b2': g.sum(0),
                 'W1': np.einsum('nd,nh->dh', X, dz1) + 2 * reg * p['W1'],
                 'b1': dz1.sum(0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            Xb, yb = X[sel], y[sel]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            stats['loss_history'].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats['train_acc_history'].append((self.predict(Xb) == yb).mean())
                stats['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
