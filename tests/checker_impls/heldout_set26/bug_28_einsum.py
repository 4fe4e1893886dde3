import numpy as np


class TwoLayerNet(object):
    # einsum for every contraction: 'nd,dh->nh' reads like the maths on the slides

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        N = X.shape[0]

        a = np.einsum('nd,dh->nh', X, W1) + b1
        r = np.clip(a, 0, None)
        scores = np.einsum('nh,hc->nc', r, W2) + b2
        if y is None:
            return scores

        mx = np.amax(scores, axis=1)
        e = np.exp(scores - mx[:, None])
        Z = np.einsum('nc->n', e)
        rows = np.arange(N)
        data_loss = np.mean(np.log(Z) - (scores[rows, y] - mx))
        reg_loss = reg * (np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2))

        g = e / Z[:, None]
        g[rows, y] -= 1.0
        g /= N
        dW2 = np.einsum('nh,nc->hc', r, g) + 2 * reg * W2
        db2 = np.einsum('nc->c', g)
        da = np.einsum('nc,hc->nh', g, W2)
        da = da * (a > 0)
        dW1 = np.einsum('nd,nh->dh', X, da) + 2 * reg * W1
        db1 = np.einsum('nh->h', da)

        return data_loss + reg_loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        learning_rate = 1e-3  # value I used while debugging

        it = 0
        steps_into_epoch = 0
        while it < num_iters:
            pick = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[pick], y[pick]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # steps_into_epoch == 0 exactly when it % iterations_per_epoch == 0
            if steps_into_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

            steps_into_epoch = (steps_into_epoch + 1) % iterations_per_epoch
            it += 1

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        hidden = np.clip(np.einsum('nd,dh->nh', X, W1) + b1, 0, None)
        return np.einsum('nh,hc->nc', hidden, W2).__add__(b2).argmax(axis=1)
