import numpy as np

_debug = False   # True -> dump shapes


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        layout = [('W1', (input_size, hidden_size)), ('b1', (hidden_size,)),
                  ('W2', (hidden_size, output_size)), ('b2', (output_size,))]
        self.params = {}
        for name, shp in layout:
            if name[0] == 'W':
                self.params[name] = std * np.random.randn(*shp)
            else:
                self.params[name] = np.zeros(shp)
            if _debug: print(name, self.params[name].shape)

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']; W2 = self.params['W2']
        b1 = self.params['b1'].reshape(1, -1)
        b2 = self.params['b2'].reshape(1, -1)
        N = X.shape[0]

        hpre = np.einsum('nd,dh->nh', X, W1) + b1
        hact = hpre * (hpre > 0)
        out = np.einsum('nh,hc->nc', hact, W2) + b2
        if y is None:
            return out

        y = np.asarray(y).reshape(-1)
        out = out - out.max(axis=1).reshape(N, 1)
        lse = np.log(np.exp(out).sum(axis=1)).reshape(N, 1)
        logp = out - lse
        onehot = np.zeros_like(logp)
        onehot[np.arange(N), y] = 1
        loss = -np.einsum('nc,nc->', onehot, logp) / N
        loss += reg * (np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2))

        dout = (np.exp(logp) - onehot) / N
        dW2 = np.einsum('nh,nc->hc', hact, dout) + 2 * reg * W2
        db2 = dout.sum(axis=0)
        dhact = np.einsum('nc,hc->nh', dout, W2)
        dhpre = dhact * (hpre > 0)
        dW1 = np.einsum('nd,nh->dh', X, dhpre) + 2 * reg * W1
        db1 = np.squeeze(dhpre.sum(axis=0, keepdims=True), axis=0)
        if _debug:
            for nm, gg in zip(['W1', 'b1', 'W2', 'b2'], [dW1, db1, dW2, db2]):
                print(nm, gg.shape)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        for it in range(num_iters):
            bidx = np.random.choice(num_train, batch_size)
            Xb, yb = X[bidx], y[bidx]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            stats['loss_history'].append(loss)
            step = lr
            for key in self.params:
                self.params[key] -= step * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                stats['train_acc_history'].append(np.mean(self.predict(Xb) == yb))
                stats['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return stats

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
