import numpy as np


class TwoLayerNet:
    """affine - relu - affine - softmax, every contraction written with einsum."""

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
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        N = X.shape[0]

        z1 = np.einsum('nd,dh->nh', X, W1) + b1
        h1 = np.maximum(z1, 0)
        scores = np.einsum('nh,hc->nc', h1, W2) + b2
        if y is None:
            return scores

        rows = np.arange(N)
        shifted = scores - scores.max(axis=1)[:, None]
        log_z = np.log(np.einsum('nc->n', np.exp(shifted)))
        log_p = shifted - log_z[:, None]
        data_loss = -np.einsum('n->', log_p[rows, y]) / N
        reg_loss = reg * (np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2))

        g = np.exp(log_p)
        g[rows, y] -= 1.0
        g /= N

        dW2 = np.einsum('nh,nc->hc', h1, g) + 2 * reg * W2
        db2 = np.einsum('nc->c', g)
        dh1 = np.einsum('nc,hc->nh', g, W2)
        dz1 = np.where(z1 > 0, dh1, 0.0)
        dW1 = np.einsum('nd,nh->dh', X, dz1) + 2 * reg * W1
        db1 = np.einsum('nh->h', dz1)

        return data_loss + reg_loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            out['loss_history'].append(loss)
            for k in ('W1', 'b1', 'W2', 'b2'):
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out['train_acc_history'].append(np.mean(self.predict(Xb) == yb))
                out['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
