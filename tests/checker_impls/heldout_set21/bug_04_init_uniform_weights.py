import numpy as np


def _one_hot(labels, num_classes):
    out = np.zeros((labels.shape[0], num_classes))
    out[np.arange(labels.shape[0]), labels] = 1.0
    return out


class TwoLayerNet:
    """Two-layer net written with einsum; labels are handled as one-hot rows."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w1 = std * np.random.rand(input_size, hidden_size)
        w2 = std * np.random.rand(hidden_size, output_size)
        self.params = dict(W1=w1, b1=np.zeros(hidden_size), W2=w2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        pre = np.einsum('nd,dh->nh', X, p['W1']) + p['b1']
        act = pre * (pre > 0)
        scores = np.einsum('nh,hc->nc', act, p['W2']) + p['b2']
        if y is None:
            return scores

        n, c = scores.shape
        target = _one_hot(y, c)
        m = scores.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
        logp = scores - lse
        data_loss = -np.einsum('nc,nc->', target, logp) / n
        l2 = np.einsum('ij,ij->', p['W1'], p['W1']) + np.einsum('ij,ij->', p['W2'], p['W2'])
        loss = data_loss + reg * l2

        g_scores = (np.exp(logp) - target) / n
        grads = {}
        grads['W2'] = np.einsum('nh,nc->hc', act, g_scores) + 2.0 * reg * p['W2']
        grads['b2'] = np.einsum('nc->c', g_scores)
        g_act = np.einsum('nc,hc->nh', g_scores, p['W2'])
        g_pre = g_act * (pre > 0)
        grads['W1'] = np.einsum('nd,nh->dh', X, g_pre) + 2.0 * reg * p['W1']
        grads['b1'] = np.einsum('nh->h', g_pre)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        lr = learning_rate
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        it = 0
        while it < num_iters:
            picks = np.random.choice(n_train, batch_size)
            xb, yb = X[picks], y[picks]

            loss, grads = self.loss(xb, y=yb, reg=reg)
            history['loss_history'].append(loss)

            for key, g in grads.items():
                self.params[key] -= lr * g

            if verbose and it % 100 == 0:
                print('iteration {} / {}: loss {:f}'.format(it, num_iters, loss))

            if it % per_epoch == 0:
                history['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
            it += 1

        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
