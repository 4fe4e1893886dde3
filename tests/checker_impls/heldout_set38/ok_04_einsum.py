import numpy as np


class TwoLayerNet:
    """Every product spelled with einsum; updates written with np.subtract(out=...)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = [('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))]
        self.params = {}
        for name, shape in shapes:          # W1 first, then W2: same draws as the notebook
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        self = cls.__new__(cls)
        self.params = {name: np.array(params[name], dtype=np.float64) for name in ('W1', 'b1', 'W2', 'b2')}
        return self

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        u = np.einsum('nd,dh->nh', X, W1) + b1
        r = np.where(u > 0, u, 0.0)
        scores = np.einsum('nh,hc->nc', r, W2) + b2
        if y is None:
            return scores

        N = X.shape[0]
        s = scores - np.amax(scores, axis=1, keepdims=True)
        e = np.exp(s)
        denom = np.einsum('nc->n', e)
        picked = s[np.arange(N), y]
        loss = np.einsum('n->', np.log(denom) - picked) / N
        loss += reg * (np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2))

        g = e / denom[:, np.newaxis]
        g[np.arange(N), y] -= 1.0
        g /= N
        dr = np.einsum('nc,hc->nh', g, W2)
        du = dr * (u > 0)
        grads = {
            'W2': np.einsum('nh,nc->hc', r, g) + 2 * reg * W2,
            'b2': np.einsum('nc->c', g),
            'W1': np.einsum('nd,nh->dh', X, du) + 2 * reg * W1,
            'b1': np.einsum('nh->h', du),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            Xb = np.take(X, sel, axis=0)
            yb = np.take(y, sel)
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k, arr in self.params.items():
                np.subtract(arr, learning_rate * grads[k], out=arr)
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.count_nonzero(self.predict(Xb) == yb) / yb.shape[0])
                val_acc_history.append(np.count_nonzero(self.predict(X_val) == y_val) / y_val.shape[0])
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
