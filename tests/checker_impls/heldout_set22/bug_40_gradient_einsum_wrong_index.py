import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]
        z = np.einsum('nd,dh->nh', X, W1) + b1
        a = np.maximum(z, 0.0)
        s = np.einsum('nh,hc->nc', a, W2) + b2
        if y is None:
            return s

        s0 = s - s.max(axis=1, keepdims=True)
        lse = np.log(np.exp(s0).sum(axis=1))
        loss = np.mean(lse - s0[np.arange(N), y])
        loss += reg * (np.einsum('dh,dh->', W1, W1) + np.einsum('hc,hc->', W2, W2))

        ds = np.exp(s0 - lse[:, None])
        ds[np.arange(N), y] -= 1.0
        ds /= N
        dW2 = np.einsum('nh,nc->hc', a, ds) + 2 * reg * W2
        db2 = np.einsum('nc->c', ds)
        dz = np.einsum('nc,hc->nh', ds, W2) * (z > 0)
        dW1 = np.einsum('nd,mh->dh', X, dz) + 2 * reg * W1
        db1 = np.einsum('nh->h', dz)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        res = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            sel = np.random.choice(n, batch_size)
            xb, yb = X[sel], y[sel]
            loss, grads = self.loss(xb, yb, reg)
            res['loss_history'].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % per_epoch == 0:
                res['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                res['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return res

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
