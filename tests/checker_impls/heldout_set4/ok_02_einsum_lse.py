import numpy as np


def _logsumexp(a):
    m = np.max(a, axis=1, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=1, keepdims=True))


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size),
                           W2=W2, b2=np.zeros(output_size))

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        pre = np.einsum('nd,dh->nh', X, p['W1']) + p['b1']
        act = np.where(pre > 0, pre, 0.0)
        scores = np.einsum('nh,hc->nc', act, p['W2']) + p['b2']
        if y is None:
            return scores

        N, C = scores.shape
        log_probs = scores - _logsumexp(scores)
        onehot = np.eye(C)[y]
        data_loss = -np.einsum('nc,nc->', onehot, log_probs) / N
        reg_loss = reg * (np.einsum('ij,ij->', p['W1'], p['W1'])
                          + np.einsum('ij,ij->', p['W2'], p['W2']))
        loss = data_loss + reg_loss

        d = (np.exp(log_probs) - onehot) / N
        grads = {}
        grads['W2'] = np.einsum('nh,nc->hc', act, d) + 2.0 * reg * p['W2']
        grads['b2'] = np.einsum('nc->c', d)
        dact = np.einsum('nc,hc->nh', d, p['W2'])
        dpre = dact * (pre > 0)
        grads['W1'] = np.einsum('nd,nh->dh', X, dpre) + 2.0 * reg * p['W1']
        grads['b1'] = np.einsum('nh->h', dpre)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3,
              learning_rate_decay=0.95, reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [],
                   'val_acc_history': []}
        lr = learning_rate
        for it in range(num_iters):
            idx = np.random.randint(0, num_train, size=batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            history['loss_history'].append(loss)
            for k, g in grads.items():
                self.params[k] -= lr * g
            if verbose and it % 100 == 0:
                print(f'iteration {it} / {num_iters}: loss {loss:f}')
            if it % iterations_per_epoch == 0:
                history['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
