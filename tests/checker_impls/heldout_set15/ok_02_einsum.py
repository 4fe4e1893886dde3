import numpy as np


class TwoLayerNet(object):
    """Every contraction spelled out with np.einsum."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w1 = np.random.randn(input_size, hidden_size)
        w2 = np.random.randn(hidden_size, output_size)
        self.params = {'W1': std * w1, 'b1': np.zeros(hidden_size),
                       'W2': std * w2, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _scores(self, X):
        p = self.params
        pre = np.einsum('nd,dh->nh', X, p['W1']) + p['b1']
        act = np.maximum(pre, 0)
        return pre, act, np.einsum('nh,hc->nc', act, p['W2']) + p['b2']

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params['W1'], self.params['W2']
        pre, act, scores = self._scores(X)
        if y is None:
            return scores

        N = scores.shape[0]
        rows = np.arange(N)
        centred = scores - scores.max(axis=1)[:, None]
        log_norm = np.log(np.einsum('nc->n', np.exp(centred)))
        log_probs = centred - log_norm[:, None]
        data_loss = -np.einsum('n->', log_probs[rows, y]) / N
        reg_loss = reg * (np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2))

        g = np.exp(log_probs)
        g[rows, y] -= 1
        g /= N
        dW2 = np.einsum('nh,nc->hc', act, g) + 2 * reg * W2
        db2 = np.einsum('nc->c', g)
        g_hidden = np.einsum('nc,hc->nh', g, W2) * (pre > 0)
        dW1 = np.einsum('nd,nh->dh', X, g_hidden) + 2 * reg * W1
        db1 = np.einsum('nh->h', g_hidden)
        return data_loss + reg_loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch = max(num_train // batch_size, 1)
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            pick = np.random.choice(num_train, batch_size)
            xb, yb = X[pick], y[pick]
            value, grads = self.loss(xb, y=yb, reg=reg)
            out['loss_history'].append(value)
            for name, grad in grads.items():
                self.params[name] = self.params[name] - learning_rate * grad
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % epoch == 0:
                out['train_acc_history'].append((self.predict(xb) == yb).mean())
                out['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                learning_rate = learning_rate * learning_rate_decay
        return out

    def predict(self, X):
        return self._scores(X)[2].argmax(axis=1)
