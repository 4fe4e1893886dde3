import numpy as np


class TwoLayerNet:
    """Affine - ReLU - affine - softmax, every contraction spelled out with einsum."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        X = np.asarray(X, dtype=np.float64)
        n = X.shape[0]

        u = np.einsum('nd,dh->nh', X, W1) + b1[None, :]
        r = np.where(u > 0, u, 0.0)
        s = np.einsum('nh,hc->nc', r, W2) + b2[None, :]
        if y is None:
            return s

        smax = s.max(axis=1)
        e = np.exp(s - smax[:, None])
        Z = np.einsum('nc->n', e)
        p = e / Z[:, None]
        logp = s - smax[:, None] - np.log(Z)[:, None]
        onehot = np.eye(W2.shape[1])[y]
        loss = -np.einsum('nc,nc->', onehot, logp) / n
        loss += reg * (np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2))

        g = (p - onehot) / n
        dW2 = np.einsum('nh,nc->hc', r, g) + 2.0 * reg * W2
        db2 = np.einsum('nc->c', g)
        dr = np.einsum('nc,hc->nh', g, W2)
        du = dr * (u > 0)
        dW1 = np.einsum('nd,nh->dh', X, du) + 2.0 * reg * W1
        db1 = np.einsum('nh->h', du)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        losses, tr_acc, va_acc = [], [], []
        for it in range(num_iters):
            pick = np.random.choice(n_train, batch_size)
            xb = X[pick]
            yb = y[pick]
            value, grads = self.loss(xb, y=yb, reg=reg)
            losses.append(value)
            self.params = {k: v - learning_rate * grads[k] for k, v in self.params.items()}
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % per_epoch == 0:
                tr_acc.append((self.predict(xb) == yb).mean())
                va_acc.append((self.predict(X_val) == y_val).mean())
                learning_rate = learning_rate * learning_rate_decay
        return {'loss_history': losses, 'train_acc_history': tr_acc, 'val_acc_history': va_acc}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
