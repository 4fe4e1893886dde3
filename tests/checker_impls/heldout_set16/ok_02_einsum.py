import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w1 = std * np.random.randn(input_size, hidden_size)
        w2 = std * np.random.randn(hidden_size, output_size)
        self.params = {'W1': w1, 'b1': np.zeros(hidden_size),
                       'W2': w2, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64)
                      for name in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[n] for n in ('W1', 'b1', 'W2', 'b2')]
        n = X.shape[0]

        pre = np.einsum('nd,dh->nh', X, W1) + b1
        act = np.where(pre > 0, pre, 0.0)
        out = np.einsum('nh,hc->nc', act, W2) + b2
        if y is None:
            return out

        centred = out - out.max(axis=1, keepdims=True)
        log_z = np.log(np.einsum('nc->n', np.exp(centred)))[:, None]
        logp = centred - log_z
        rows = np.arange(n)
        data_loss = -np.mean(logp[rows, y])
        weight_sq = np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2)
        total = data_loss + reg * weight_sq

        g_out = np.exp(logp)
        g_out[rows, y] -= 1.0
        g_out /= n

        grads = {}
        grads['W2'] = np.einsum('nh,nc->hc', act, g_out) + 2 * reg * W2
        grads['b2'] = np.einsum('nc->c', g_out)
        g_act = np.einsum('nc,hc->nh', g_out, W2)
        g_pre = np.where(pre > 0, g_act, 0.0)
        grads['W1'] = np.einsum('nd,nh->dh', X, g_pre) + 2 * reg * W1
        grads['b1'] = np.einsum('nh->h', g_pre)
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        epoch_size = max(num_train // batch_size, 1)
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        rate = learning_rate
        it = 0
        while it < num_iters:
            pick = np.random.choice(num_train, batch_size)
            xb, yb = X[pick], y[pick]
            value, grads = self.loss(xb, y=yb, reg=reg)
            out['loss_history'].append(value)
            for name in self.params:
                self.params[name] -= rate * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % epoch_size == 0:
                out['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                out['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                rate *= learning_rate_decay
            it += 1
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
