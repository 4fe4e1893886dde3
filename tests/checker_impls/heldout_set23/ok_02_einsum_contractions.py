import numpy as np


def _log_softmax(s):
    """Row-wise log-softmax of an (N, C) array."""
    m = s.max(axis=1, keepdims=True)
    z = s - m
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class TwoLayerNet:
    """input -> affine -> ReLU -> affine -> softmax, all contractions via einsum."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        W1 = np.random.randn(D, H) * std
        W2 = np.random.randn(H, C) * std
        self.params = dict(W1=W1, b1=np.zeros(H), W2=W2, b2=np.zeros(C))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a1 = np.einsum('nd,dh->nh', X, p['W1']) + p['b1']
        r1 = np.where(a1 > 0, a1, 0.0)
        out = np.einsum('nh,hc->nc', r1, p['W2']) + p['b2']
        if y is None:
            return out

        n = X.shape[0]
        logp = _log_softmax(out)
        nll = -np.sum(logp[np.arange(n), y]) / n
        l2 = np.einsum('ij,ij->', p['W1'], p['W1']) + np.einsum('ij,ij->', p['W2'], p['W2'])
        loss = nll + reg * l2

        g_out = np.exp(logp)
        g_out[np.arange(n), y] -= 1.0
        g_out = g_out / n

        grads = {}
        grads['W2'] = np.einsum('nh,nc->hc', r1, g_out) + 2.0 * reg * p['W2']
        grads['b2'] = np.einsum('nc->c', g_out)
        g_r1 = np.einsum('nc,hc->nh', g_out, p['W2'])
        g_a1 = np.where(a1 > 0, g_r1, 0.0)
        grads['W1'] = np.einsum('nd,nh->dh', X, g_a1) + 2.0 * reg * p['W1']
        grads['b1'] = np.einsum('nh->h', g_a1)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        hist = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate

        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            Xb, yb = X[sample], y[sample]

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            hist['loss_history'].append(loss)

            for name, g in grads.items():
                self.params[name] -= lr * g

            if verbose and it % 100 == 0:
                print('iteration {} / {}: loss {:.6f}'.format(it, num_iters, loss))

            if it % iters_per_epoch == 0:
                hist['train_acc_history'].append(np.mean(self.predict(Xb) == yb))
                hist['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
