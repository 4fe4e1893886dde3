import numpy as np


def _logsumexp_rows(a):
    m = a.max(axis=1, keepdims=True)
    return m + np.log(np.exp(a - m).sum(axis=1, keepdims=True))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = [('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))]
        self.params = {name: std * np.random.randn(*shape) for name, shape in shapes}
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return obj

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        pre = np.einsum('nd,dh->nh', X, W1) + b1
        act = pre.clip(min=0)
        scores = np.einsum('nh,hc->nc', act, W2) + b2
        if y is None:
            return scores

        n, c = scores.shape
        onehot = np.eye(c)[y]
        logp = scores - _logsumexp_rows(scores)
        loss = -np.einsum('nc,nc->', onehot, logp) / n
        loss += reg * (np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2))

        g = (np.exp(logp) - onehot) / n
        dW2 = np.einsum('nh,nc->hc', act, g) + 2 * reg * W2
        db2 = np.einsum('nc->c', g)
        gpre = np.einsum('nc,hc->nh', g, W2) * (pre > 0)
        dW1 = np.einsum('nd,nh->dh', X, gpre) + 2 * reg * W1
        db1 = np.einsum('nh->h', gpre)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        ipe = max(num_train // batch_size, 1)
        out = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            # the rate at step `it` has been decayed once per epoch boundary passed before it
            boundaries_passed = -(-it // ipe)
            lr = learning_rate * learning_rate_decay ** boundaries_passed

            sel = np.random.choice(num_train, batch_size)
            xb, yb = X[sel], y[sel]
            loss, grads = self.loss(xb, yb, reg)
            out['loss_history'].append(loss)
            for k in self.params:
                self.params[k] -= lr * grads[k]

            if verbose and not it % 100:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if not it % ipe:
                out['train_acc_history'].append((self.predict(xb) == yb).mean())
                out['val_acc_history'].append((self.predict(X_val) == y_val).mean())
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=-1)
