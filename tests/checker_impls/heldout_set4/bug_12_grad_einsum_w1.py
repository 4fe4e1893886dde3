import numpy as np


class TwoLayerNet:
    """affine -> relu -> affine -> softmax, written with einsum."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        N = X.shape[0]

        pre = np.einsum('nd,dh->nh', X, W1) + b1
        hid = np.maximum(pre, 0.0)
        scores = np.einsum('nh,hc->nc', hid, W2) + b2
        if y is None:
            return scores

        mx = scores.max(axis=1, keepdims=True)
        log_probs = scores - mx - np.log(np.exp(scores - mx).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean()
        loss += reg * (np.einsum('dh,dh->', W1, W1) + np.einsum('hc,hc->', W2, W2))

        dsc = np.exp(log_probs)
        dsc[np.arange(N), y] -= 1.0
        dsc /= N

        grads = {}
        grads['W2'] = np.einsum('nh,nc->hc', hid, dsc) + 2 * reg * W2
        grads['b2'] = np.einsum('nc->c', dsc)
        dhid = np.einsum('nc,hc->nh', dsc, W2)
        dpre = dhid * (pre > 0)
        grads['W1'] = np.einsum('nd,mh->dh', X, dpre) + 2 * reg * W1
        grads['b1'] = np.einsum('nh->h', dpre)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
